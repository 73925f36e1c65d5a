// Finds what to read in a rendered lesson and where each sentence is on the page. The lesson HTML is
// compiler output rendered by React, so it is never rewritten here: a sentence is a DOM Range over the
// existing text nodes, and the highlight is drawn over that range (CSS Custom Highlight API) or, where the
// API is missing, by marking the paragraph the sentence is in.
import { splitSentences } from '../../shared/content/sentences';

export type PageSentence = { text: string; element: HTMLElement; range: Range | null };

// Elements whose text is read, one after another. A list item or table cell is read on its own, so a
// list without full stops still gives one sentence per item.
const READABLE =
  'h1, h2, h3, h4, p, li, blockquote, figcaption, th, td, dt, dd, legend, label, .callout__title';
// Controls, the tools themselves, and the reader's surroundings are not lesson text.
const SKIP =
  '.read-aloud, .breadcrumb, .meta, .app-notice, .reflect__status, .note-conflict, .lesson-end, .sources, button, textarea, select, [hidden]';

export function lessonSentences(article: HTMLElement): PageSentence[] {
  const sentences: PageSentence[] = [];
  for (const element of article.querySelectorAll<HTMLElement>(READABLE)) {
    if (element.closest(SKIP)) continue;
    // A paragraph inside a list item (or a question inside its legend) is read with it, not twice.
    const outer = element.parentElement?.closest(READABLE);
    if (outer && article.contains(outer)) continue;
    const nodes = spokenTextNodes(element);
    const text = nodes.map((node) => node.data).join('');
    for (const sentence of splitSentences(text)) {
      if (!/[\p{L}\p{N}]/u.test(sentence.text)) continue;
      sentences.push({ text: sentence.text, element, range: rangeOf(nodes, sentence.start, sentence.end) });
    }
  }
  return sentences;
}

/** The element's text nodes, without icons and other text hidden from assistive technology. */
function spokenTextNodes(element: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[aria-hidden="true"]')) nodes.push(node as Text);
  }
  return nodes;
}

/** A Range over characters [start, end) of the text the nodes hold together. */
function rangeOf(nodes: readonly Text[], start: number, end: number): Range | null {
  const first = nodes[0];
  if (!first) return null;
  const range = first.ownerDocument.createRange();
  let offset = 0;
  let started = false;
  for (const node of nodes) {
    const length = node.data.length;
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
