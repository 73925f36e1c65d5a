/**
 * What makes two versions of a check option "the same option" for the lock of published option ids:
 * its text without markup, with curly and straight quotes alike, spaces collapsed and case folded, so
 * a change of typography or spacing never counts as an edit.
 */
export function optionTextKey(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
