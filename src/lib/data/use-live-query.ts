// Screens read the database through this hook: dexie-react-hooks' `useLiveQuery`, except that each new
// result renders as a transition. A result arriving from IndexedDB is otherwise an ordinary update, which
// React renders in one uninterrupted task; while a page opens, several arrive one after another, and on a
// slow phone each such render blocked taps for longer than a frame. As a transition React renders it in
// slices and yields to the browser between them.
// dexie-react-hooks keeps the latest result in a ref rather than in state, so a render for any other
// reason already shows the newest result instead of waiting for that result's transition.
import { liveQuery, type Observable } from 'dexie';
import { type InteropableObservable, useObservable } from 'dexie-react-hooks';
import { startTransition } from 'react';

export function useLiveQuery<T>(querier: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  return useObservable(() => renderedAsTransition(liveQuery(querier)), [...deps]);
}

function renderedAsTransition<T>(source: Observable<T>): InteropableObservable<T> {
  return {
    subscribe: (onNext, onError) =>
      source.subscribe(
        (value) => startTransition(() => onNext(value)),
        (error) => startTransition(() => onError?.(error)),
      ),
    getValue: source.getValue && (() => (source.getValue as () => T)()),
    hasValue: source.hasValue && (() => (source.hasValue as () => boolean)()),
  };
}
