import { htmlToText } from './html-to-text';

/**
 * What makes two versions of a check option "the same option" for the lock of published option ids:
 * its text without markup, with curly and straight quotes alike, spaces collapsed and case folded, so
 * a change of typography or spacing never counts as an edit. Tags join with nothing (`<em>a</em>b` is
 * "ab"): the keys in content/published-options.json were made that way.
 */
export function optionTextKey(html: string): string {
  return htmlToText(html, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();
}
