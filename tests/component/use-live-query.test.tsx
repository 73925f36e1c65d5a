// A result from the database renders as a transition (src/lib/data/use-live-query.ts, and a store's ordinary
// change in src/lib/stores/use-store-value.ts), so React renders it in slices. The witness is useDeferredValue: in an urgent render it first keeps the old value, in a
// transition it takes the new one at once. So an urgent update shows a render where the live value is new
// and the deferred one old; a transition never does.
import { act, render, screen, waitFor } from '@testing-library/react';
import { useDeferredValue } from 'react';
import { describe, expect, it } from 'vitest';
import { metaRepo } from '../../src/db/meta-repo';
import { useLiveQuery } from '../../src/lib/data/use-live-query';
import { type UrgencyStore, useStoreValue } from '../../src/lib/stores/use-store-value';
import { useIdle } from '../../src/lib/timing/use-idle';

type Seen = { live: unknown; deferred: unknown };

function useWitness<T>(value: T, seen: Seen[]): T {
  const deferred = useDeferredValue(value);
  seen.push({ live: value, deferred });
  return value;
}

function LiveMeta({ seen }: { seen: Seen[] }) {
  const value = useWitness(
    useLiveQuery(() => metaRepo.get('hlc'), []),
    seen,
  );
  return <p>{value === undefined ? 'reading' : `value: ${String(value)}`}</p>;
}

function IdleFlag({ seen }: { seen: Seen[] }) {
  const idle = useWitness(useIdle(50), seen);
  return <p>{idle ? 'idle' : 'busy'}</p>;
}

/** A store whose changes say whether they are urgent. */
function witnessStore() {
  let value = 'first';
  const listeners = new Set<(urgent: boolean) => void>();
  const store: UrgencyStore<string> = {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const change = (next: string, urgent: boolean) => {
    value = next;
    for (const listener of listeners) listener(urgent);
  };
  return { store, change };
}

function StoreValue({ store, seen }: { store: UrgencyStore<string>; seen: Seen[] }) {
  return <p>{`value: ${useWitness(useStoreValue(store), seen)}`}</p>;
}

const torn = (seen: Seen[]) => seen.filter((s) => s.live !== s.deferred);

describe('updates that render as transitions', () => {
  it('a live query result, first and after a write', async () => {
    await metaRepo.set('hlc', 'first');
    const seen: Seen[] = [];
    render(<LiveMeta seen={seen} />);
    expect(await screen.findByText('value: first')).toBeInTheDocument();
    await metaRepo.set('hlc', 'second');
    expect(await screen.findByText('value: second')).toBeInTheDocument();
    expect(seen.length).toBeGreaterThan(1);
    expect(torn(seen)).toEqual([]);
  });

  it('the browser becoming idle', async () => {
    const seen: Seen[] = [];
    render(<IdleFlag seen={seen} />);
    await waitFor(() => expect(screen.getByText('idle')).toBeInTheDocument());
    expect(torn(seen)).toEqual([]);
  });

  it("a store's ordinary change, while its urgent change renders at once", async () => {
    const { store, change } = witnessStore();
    const seen: Seen[] = [];
    render(<StoreValue store={store} seen={seen} />);
    act(() => change('second', false));
    expect(await screen.findByText('value: second')).toBeInTheDocument();
    expect(torn(seen)).toEqual([]);

    act(() => change('third', true));
    expect(await screen.findByText('value: third')).toBeInTheDocument();
    expect(torn(seen)).toEqual([{ live: 'third', deferred: 'second' }]);
  });
});
