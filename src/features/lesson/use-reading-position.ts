import { type RefObject, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { LessonSection } from '../../shared/content/content-types';
import { positionStore } from './position-store';

/** Wait after scrolling stops before saving, so a flick through the lesson is one write, not dozens. */
export const SAVE_DELAY_MS = 400;
/** A section is the one being read once its heading is in the top third of the window. */
const READING_LINE = 1 / 3;

export type Resumed = { section: LessonSection; index: number } | null;

/**
 * Exact resume. On opening, scrolls to the section saved in the position doc and moves focus to its
 * heading (so keyboard and screen reader users carry on from there too); then saves the section being
 * read as the learner scrolls (debounced), and at once when the page is hidden or left, which is the last
 * chance before a phone kills the app. Saving starts only after the restore, so opening a lesson at its
 * top never overwrites where the learner was. The page the browser loaded (a lesson the build rendered,
 * or the service worker's copy) can be read and scrolled before the app takes it over: if the learner
 * has scrolled by then, that place is kept and saved rather than jumped away from.
 */
export function useReadingPosition(
  container: RefObject<HTMLElement | null>,
  lessonId: string,
  sections: readonly LessonSection[],
  restore: boolean | undefined,
): { resumed: Resumed; startOver: () => void } {
  const [resumed, setResumed] = useState<Resumed>(null);
  // Decided once, when first known: undefined while the learner's progress is still being read, and
  // nothing is restored or saved until then.
  const restoreRef = useRef(restore);
  if (restoreRef.current === undefined) restoreRef.current = restore;
  const known = restore !== undefined;
  // React Router's first location of a page load; an in-app navigation has a key of its own.
  const loadedPage = useLocation().key === 'default';
  const loadedPageRef = useRef(loadedPage);

  useEffect(() => {
    if (!known) return;
    const root = container.current;
    let cancelled = false;
    let ready = false;
    let saved = -1;
    // Measured on every scroll, written after the delay: by the time the lesson unmounts its headings
    // are detached and can no longer be measured.
    let pending = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const headingOf = (index: number): HTMLElement | null => {
      const section = sections[index];
      if (!section || !root) return null;
      return root.querySelector<HTMLElement>(`[id="${CSS.escape(section.id)}"]`);
    };

    const current = (): number => {
      const line = window.innerHeight * READING_LINE;
      let reading = 0;
      for (let index = 1; index < sections.length; index += 1) {
        const heading = headingOf(index);
        if (heading && heading.getBoundingClientRect().top <= line) reading = index;
      }
      return reading;
    };

    const save = () => {
      clearTimeout(timer);
      timer = undefined;
      const section = sections[pending];
      if (!section || pending === saved) return;
      saved = pending;
      void positionStore.save(lessonId, section.id, pending);
    };
    const later = () => {
      if (!ready) return;
      pending = current();
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && timer !== undefined) save();
    };
    const onPageHide = () => {
      if (timer !== undefined) save();
    };

    const start = async () => {
      const position = await positionStore.load(lessonId);
      if (cancelled) return;
      const scrolledAlready = loadedPageRef.current && window.scrollY > 0;
      if (position) {
        const byId = sections.findIndex((s) => s.id === position.sectionId);
        const index = byId >= 0 ? byId : Math.min(position.index, sections.length - 1);
        saved = index;
        pending = index;
        const heading = index > 0 ? headingOf(index) : null;
        const section = sections[index];
        // Once per opening: a later run (the lesson re-stored after a download) must not jump the page.
        const restoreNow = restoreRef.current;
        restoreRef.current = false;
        if (restoreNow && heading && section && !scrolledAlready) {
          heading.scrollIntoView?.({ block: 'start', behavior: 'instant' });
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: true });
          setResumed({ section, index });
        }
      }
      ready = true;
      // No scroll may follow, so where the learner has got to is saved now.
      if (scrolledAlready) later();
    };

    window.addEventListener('scroll', later, { passive: true });
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    void start();
    return () => {
      cancelled = true;
      window.removeEventListener('scroll', later);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the lesson inside the delay still keeps where the learner was.
      if (timer !== undefined) save();
    };
  }, [container, lessonId, sections, known]);

  const startOver = () => {
    setResumed(null);
    window.scrollTo({ top: 0, behavior: 'instant' });
    container.current?.querySelector<HTMLElement>('h1')?.focus();
  };

  return { resumed, startOver };
}
