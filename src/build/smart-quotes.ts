/**
 * Curly quotes and apostrophes for a plain-text string the Markdown engine never sees (a callout's
 * heading on its `:::` line). A quote opens at the start or after a space or opening bracket, and
 * closes anywhere else, so "it's", "the pupils' work" and "'90s" all get ’.
 */
export function smartQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const before = i === 0 ? '' : text.charAt(i - 1);
    const after = text.charAt(i + 1);
    const opens = (before === '' || /[\s([{“‘—–-]/.test(before)) && after !== '' && !/\s/.test(after);
    if (c === '"') out += opens ? '“' : '”';
    // An apostrophe before a digit ('90s) is an elision, not an opening quote.
    else out += opens && !/\d/.test(after) ? '‘' : '’';
  }
  return out;
}
