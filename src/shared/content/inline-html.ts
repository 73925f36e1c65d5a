/**
 * The compiler wraps text in `<p>`; inside a `<legend>` or `<label>` only phrasing content is valid, so a
 * single wrapping paragraph is unwrapped. Several paragraphs are kept as they are.
 */
export function inlineHtml(html: string): string {
  const match = /^\s*<p>([\s\S]*)<\/p>\s*$/.exec(html);
  if (!match?.[1] || match[1].includes('<p>')) return html;
  return match[1];
}
