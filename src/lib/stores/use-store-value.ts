// A value from a store outside React that says which of its changes are urgent. An urgent change (the
// learner's own choice) renders at once; any other (a read from the database) renders as a transition,
// which React does in slices, yielding to taps between them. Every reader is told in the same turn, so
// they all render the new value together. (React's `useSyncExternalStore` renders every change urgently.)
import { startTransition, useEffect, useState } from 'react';
import type { Store } from './store';

export type UrgencyStore<T> = Pick<Store<T>, 'get' | 'subscribe'>;

export function useStoreValue<T>(store: UrgencyStore<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    const show = (urgent: boolean) => {
      const next = store.get();
      if (urgent) setValue(() => next);
      else startTransition(() => setValue(() => next));
    };
    const unsubscribe = store.subscribe(show);
    show(false); // a change between this render and the subscription
    return unsubscribe;
  }, [store]);
  return value;
}
