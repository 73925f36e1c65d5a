import type { ReactNode } from 'react';

/**
 * A data table that scrolls sideways inside its own box when it is wider than a phone (WCAG 1.4.10 lets
 * data tables do so) rather than making the whole page scroll or clipping its columns. The box is a named
 * region people can tab to, so a keyboard can scroll it with the arrow keys and a screen reader names it.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A <section> with a name is a region landmark. WCAG 2.1.1 needs a scrolling box to take focus:
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the table with the arrow keys.
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
