import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/course-compiler/html-to-text';
import { optionTextKey } from '../../../src/course-compiler/option-text-key';

describe('htmlToText', () => {
  it('joins the text either side of a tag with the joiner it is given', () => {
    expect(htmlToText('<em>calm</em>ly', '')).toBe('calmly');
    expect(htmlToText('<em>calm</em>ly', ' ')).toBe('calm ly');
  });

  it('decodes each reference once and leaves one past the last code point as written', () => {
    expect(htmlToText('&amp;lt; &#99999999;', ' ')).toBe('&lt; &#99999999;');
  });
});

describe('optionTextKey', () => {
  it('folds markup, quotes, spaces and case, as the published option ids were keyed', () => {
    expect(optionTextKey('<strong>Stay</strong>  “calm” &amp;\n&#39;wait&#39; &quot;a&lt;b&quot;')).toBe(
      'stay "calm" & \'wait\' "a<b"',
    );
  });
});
