/** A raw HTML construct found in Markdown text: a tag, comment, doctype or processing instruction. */
export type HtmlFinding = { snippet: string; name: string };

const HTML = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)|<!--|<!\[CDATA\[|<![A-Za-z]|<\?/g;

export function findHtmlTags(text: string): HtmlFinding[] {
  const found: HtmlFinding[] = [];
  for (const m of text.matchAll(HTML)) {
    const name = m[1]
      ? `<${m[1].toLowerCase()}>`
      : m[0] === '<!--'
        ? '<!-- --> (an HTML comment)'
        : `${m[0]}…`;
    found.push({ snippet: m[0], name });
  }
  return found;
}
