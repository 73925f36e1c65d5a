// A lesson's address in the app, `/modules/<module id>/<lesson id>` (a trailing slash is the same page).
// One pattern for every place that treats a lesson's address specially: the first render, the early
// fetches, the service worker and the server's preloads.
const LESSON_PATH = /^\/modules\/([^/]+)\/([^/]+)\/?$/;

export type LessonAddress = { moduleId: string; lessonId: string };

/** The ids in a URL's (still percent-encoded) pathname, or null when it is not a lesson's address. */
export function lessonAddress(pathname: string): LessonAddress | null {
  const match = LESSON_PATH.exec(pathname);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { moduleId: decodeURIComponent(match[1]), lessonId: decodeURIComponent(match[2]) };
  } catch {
    // A malformed escape (`%zz`) is no lesson's address.
    return null;
  }
}
