import type { PageSentence } from './lesson-sentences';

const NAME = 'read-aloud';
const CLASS = 'read-aloud-current';

type HighlightRegistry = { set(name: string, highlight: unknown): void; delete(name: string): void };
type HighlightConstructor = new (...ranges: Range[]) => unknown;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightConstructor } | null {
  const css = globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightConstructor }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/**
 * Marks the sentence being read (or clears the mark with null) and keeps it on screen. `instant` keeps
 * the page still for people who asked for reduced motion.
 */
export function highlightSentence(sentence: PageSentence | null, previous: PageSentence | null): void {
  const api = registry();
  previous?.element.classList.remove(CLASS);
  if (!sentence) {
    api?.highlights.delete(NAME);
    return;
  }
  if (api && sentence.range) api.highlights.set(NAME, new api.Highlight(sentence.range));
  else sentence.element.classList.add(CLASS);
  const reduce =
    document.documentElement.dataset.motion === 'reduce' ||
    window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  sentence.element.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'instant' : 'smooth' });
}
