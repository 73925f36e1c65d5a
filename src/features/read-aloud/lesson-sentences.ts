// Finds what to read in a rendered lesson and where each sentence is on the page. The lesson HTML is
// compiler output rendered by React, so it is never rewritten here: a sentence is a DOM Range over the
// existing text nodes, and the highlight is drawn over that range (CSS Custom Highlight API) or, where the
// API is missing, by marking the paragraph the sentence is in.
import { splitSentences } from '../../shared/sentences';

export type PageSentence = { text: string; element: HTMLElement; range: Range | null };

// Elements whose text is read, one after another. A list item or table cell is read on its own, so a
// list without full stops still gives one sentence per item.
const READABLE =
  'h1, h2, h3, h4, p, li, blockquote, figcaption, th, td, dt, dd, legend, label, .callout__title';
// Controls, the tools themselves, and the reader's surroundings are not lesson text.
const SKIP =
  '.read-aloud, .breadcrumb, .app-notice, .reflect__status, .note-conflict, .lesson-end, .sources, button, textarea, select, [hidden]';

export function lessonSentences(article: HTMLElement): PageSentence[] {
  const sentences: PageSentence[] = [];
  for (const element of article.querySelectorAll<HTMLElement>(READABLE)) {
    if (element.closest(SKIP)) continue;
    // A paragraph inside a list item (or a question inside its legend) is read with it, not twice.
    const outer = element.parentElement?.closest(READABLE);
    if (outer && article.contains(outer)) continue;
    const text = element.textContent ?? '';
    for (const sentence of splitSentences(text)) {
      if (!/[\p{L}\p{N}]/u.test(sentence.text)) continue;
      sentences.push({ text: sentence.text, element, range: rangeOf(element, sentence.start, sentence.end) });
    }
  }
  return sentences;
}

/** A Range over characters [start, end) of the element's text content. */
function rangeOf(element: HTMLElement, start: number, end: number): Range | null {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}
