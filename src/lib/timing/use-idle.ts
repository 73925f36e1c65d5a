import { startTransition, useEffect, useState } from 'react';

/**
 * False until the browser is first idle after this mounts (at most `timeout` ms later), so a part of the
 * screen that can wait does not compete with the page being opened.
 */
export function useIdle(timeout = 1500): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    // What waited for idle renders in slices too, like the rest of the page.
    const start = () => startTransition(() => setIdle(true));
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(start, { timeout });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(start, 100);
    return () => clearTimeout(timer);
  }, [timeout]);
  return idle;
}
