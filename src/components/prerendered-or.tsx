// A downloaded lesson the service worker put into index.html (src/shared/content/lesson-page-html.ts) is
// readable before the app has loaded. The app keeps that element on screen in place of its own loading
// states, and drops it once its page for that address renders, so the text never blinks to "Loading…".
import { type ReactNode, useCallback } from 'react';
import { useLocation } from 'react-router';
import { PRERENDERED_ATTRIBUTE } from '../shared/content/lesson-page-html';

type Prerendered = { path: string; node: Element };

// Taken before React's first render replaces the contents of #root (this module loads with the app).
let pending: Prerendered | null = findPrerendered();

function findPrerendered(): Prerendered | null {
  if (typeof document === 'undefined') return null;
  const node = document.querySelector(`[${PRERENDERED_ATTRIBUTE}]`);
  const path = node?.getAttribute(PRERENDERED_ATTRIBUTE);
  return node && path ? { path, node } : null;
}

/** The prerendered page while it is still this address's content; `children` (a loading state) otherwise. */
export function PrerenderedOr({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  // Once the app shows another address, the copy is out of date for good.
  if (pending && pending.path !== pathname) pending = null;
  const page = pending?.path === pathname ? pending : null;
  // A stable ref: a new one each render would detach and re-attach the whole page on every re-render of
  // the loading state, each time costing the browser a full style and layout pass.
  const adopt = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element || !page) return;
      element.replaceChildren(page.node);
      return () => {
        // Moved to the next loading state in the same commit, it is still in the document; once the
        // real page has replaced it, it is gone for good.
        queueMicrotask(() => {
          if (!page.node.isConnected && pending === page) pending = null;
        });
      };
    },
    [page],
  );
  if (!page) return children;
  return <div ref={adopt} />;
}
