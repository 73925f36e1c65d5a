// A downloaded lesson's page as static HTML, so its text is on screen before the app's JavaScript has run:
// the service worker (src/sw/) puts the lesson's article, rendered from the copy in IndexedDB by the one
// lesson markup (src/lesson-markup/lesson-article-html.tsx), into index.html's page slot. The app then
// keeps it on screen (src/components/prerendered-or.tsx) until its own page for the address renders.
import type { Lesson } from './content-types';

export type PrerenderedLesson = { moduleId: string; moduleTitle: string; lesson: Lesson };

/** The attribute that marks the prerendered page and names the path it belongs to. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// index.html marks where a page's content goes (src/app/layout.tsx renders the same place).
const PAGE_SLOT = /<p [^>]*data-page-slot[^>]*>[^<]*<\/p>/;

/**
 * index.html with a lesson's `article` (HTML) in its page slot and `title` as the document's, or null when
 * this index.html has no slot (an old shell): the caller then serves the shell as it is and the app renders
 * the lesson itself. `path` is the address the page is served at, as the app will read it from
 * `location.pathname`.
 */
export function lessonPageHtml(shell: string, article: string, title: string, path: string): string | null {
  if (!PAGE_SLOT.test(shell)) return null;
  // Inert until the app takes over: its buttons do nothing yet, and a check's form must not submit as a
  // page load. The app replaces it within moments of the first paint.
  const content = `<div ${PRERENDERED_ATTRIBUTE}="${escapeHtml(path)}" inert>${article}</div>`;
  return shell
    .replace(PAGE_SLOT, () => content)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)} – Pocket CPD</title>`);
}
