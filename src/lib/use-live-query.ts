// Screens read the database through this hook: a live query whose results render as transitions. A result
// arriving from IndexedDB would otherwise be an ordinary update, which React renders in one uninterrupted
// task; while a page opens several arrive one after another, and on a slow phone each such render blocked
// taps for longer than a frame. As a transition React renders it in slices and yields between them.
// The result is held in React state (not in a ref, as dexie-react-hooks' hook holds it), so an urgent
// render that comes first, from another store, still shows the previous result.
import { liveQuery } from 'dexie';
import { startTransition, useEffect, useMemo, useState } from 'react';

type Outcome<T> = { value: T | undefined; error?: { thrown: unknown } };

/**
 * The querier's result, kept up to date as the tables it read change; `undefined` until the first result.
 * When `deps` change, the previous result stays until the new query has one. A failed query throws on
 * render, for the page's error boundary, until a later result replaces it.
 */
export function useLiveQuery<T>(querier: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps stand for the querier's inputs.
  const results = useMemo(() => liveQuery(querier), deps);
  const [outcome, setOutcome] = useState<Outcome<T>>({ value: undefined });
  useEffect(() => {
    const subscription = results.subscribe(
      (value) => startTransition(() => setOutcome({ value })),
      (thrown) => startTransition(() => setOutcome((previous) => ({ ...previous, error: { thrown } }))),
    );
    return () => subscription.unsubscribe();
  }, [results]);
  if (outcome.error) throw outcome.error.thrown;
  return outcome.value;
}
