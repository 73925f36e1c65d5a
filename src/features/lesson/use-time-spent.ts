import { useEffect, useRef } from 'react';

const MIN_MS = 1000;
const MAX_MS = 6 * 60 * 60 * 1000;

/**
 * Measures time with the lesson on screen as closed intervals: one ends when the page is hidden or the
 * lesson is left, and a new one starts when it is shown again. Each interval gets its own id, so a
 * re-sent interval is never counted twice.
 */
export function useTimeSpent(onInterval: (intervalId: string, ms: number) => void): void {
  const report = useRef(onInterval);
  report.current = onInterval;

  useEffect(() => {
    let startedAt: number | null = document.visibilityState === 'visible' ? Date.now() : null;
    const close = () => {
      if (startedAt === null) return;
      const ms = Math.min(Date.now() - startedAt, MAX_MS);
      startedAt = null;
      if (ms >= MIN_MS) report.current(crypto.randomUUID(), ms);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') close();
      else startedAt ??= Date.now();
    };
    // Closing the tab or the app, or leaving for another site, fires pagehide; some browsers (Safari
    // among them) do so without a visibilitychange first. A page brought back from the back-forward
    // cache shows again with pageshow.
    const onPageShow = () => {
      if (document.visibilityState === 'visible') startedAt ??= Date.now();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', close);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', close);
      window.removeEventListener('pageshow', onPageShow);
      close();
    };
  }, []);
}
