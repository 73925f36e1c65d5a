import { type RefObject, useEffect, useRef } from 'react';
import type { LessonSection } from '../../shared/content/content-types';

/**
 * Reports a section when its `##` heading (which carries the section id) scrolls into view, but only
 * when it is further than any section reached before: scrolling back up records nothing. `furthest` is
 * undefined while that is not known yet, and nothing is reported until it is.
 */
export function useSectionTracking(
  container: RefObject<HTMLElement | null>,
  sections: readonly LessonSection[],
  furthest: number | undefined,
  onReached: (sectionId: string, index: number) => void,
): void {
  const furthestRef = useRef(furthest ?? -1);
  furthestRef.current = Math.max(furthestRef.current, furthest ?? -1);
  const report = useRef(onReached);
  report.current = onReached;
  const known = furthest !== undefined;

  useEffect(() => {
    const root = container.current;
    if (!known || !root || typeof IntersectionObserver === 'undefined') return;
    const indexOf = new Map<Element, number>();
    sections.forEach((section, index) => {
      if (index === 0) return;
      const heading = root.querySelector(`[id="${CSS.escape(section.id)}"]`);
      if (heading) indexOf.set(heading, index);
    });
    const observer = new IntersectionObserver((entries) => {
      let best = -1;
      for (const entry of entries) {
        const index = indexOf.get(entry.target);
        if (entry.isIntersecting && index !== undefined) best = Math.max(best, index);
      }
      const section = sections[best];
      if (best > furthestRef.current && section) {
        furthestRef.current = best;
        report.current(section.id, best);
      }
    });
    for (const heading of indexOf.keys()) observer.observe(heading);
    return () => observer.disconnect();
  }, [container, sections, known]);
}
