import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/course-compiler/html-to-text';
import { lessonDocument } from '../../../src/course-compiler/search-documents';
import type { Lesson } from '../../../src/shared/content/content-types';

describe('search documents', () => {
  it.each([
    ['<p>Talk to the <strong>SENCO</strong>.</p>', 'Talk to the SENCO .'],
    [
      '<p>Plans &amp; reviews &lt;annual&gt; &#8220;EHCP&#8221; &#x2014; &quot;yes&quot;</p>',
      'Plans & reviews <annual> “EHCP” — "yes"',
    ],
    ['<ul>\n<li>one</li>\n<li>two</li>\n</ul>', 'one two'],
    ['&unknown; stays', '&unknown; stays'],
  ])('reads %j as %j', (html, text) => {
    expect(htmlToText(html, ' ')).toBe(text);
  });

  it('indexes a lesson by title, objectives, headings and the text of every kind of block', () => {
    const lesson: Lesson = {
      id: 'm-l',
      moduleId: 'm',
      title: 'A lesson',
      minutes: 5,
      objectives: ['Spot DLD', 'Plan support'],
      sources: [],
      words: 10,
      hash: 'h',
      sections: [
        { id: 'intro', title: 'A lesson' },
        { id: 'part', title: 'In class' },
      ],
      blocks: [
        { type: 'html', id: 'b1', section: 0, html: '<p>Body text.</p>' },
        { type: 'callout', id: 'b2', section: 1, kind: 'tip', title: 'Tip', html: '<p>Callout text.</p>' },
        {
          type: 'check',
          id: 'b3',
          section: 1,
          question: '<p>Which?</p>',
          multiple: false,
          options: [{ id: 'a', html: 'Option text', correct: true, explanation: '<p>Why.</p>' }],
        },
        { type: 'reflect', id: 'b4', section: 1, prompt: '<p>Reflect text.</p>' },
      ],
    };
    expect(lessonDocument('The module', lesson)).toEqual({
      id: 'm/m-l',
      title: 'A lesson',
      objectives: 'Spot DLD Plan support',
      headings: 'In class',
      text: 'The module Body text. Tip Callout text. Which? Option text Reflect text.',
    });
  });
});
