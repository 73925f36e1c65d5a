// Storage used and whether the browser keeps it, re-read whenever the set of downloads changes.
import { useEffect, useState } from 'react';
import { type Persistence, type StorageUse, storageEstimate } from '../lib/browser/storage-estimate';

export type StorageFacts = { use: StorageUse | undefined; persistence: Persistence | undefined };

export function useStorageFacts(revision: unknown): StorageFacts {
  const [facts, setFacts] = useState<StorageFacts>({ use: undefined, persistence: undefined });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` is the trigger to measure again.
  useEffect(() => {
    let cancelled = false;
    const read = async () => {
      const [use, persistence] = await Promise.all([storageEstimate.usage(), storageEstimate.persisted()]);
      if (!cancelled) setFacts({ use, persistence });
    };
    void read();
    return () => {
      cancelled = true;
    };
  }, [revision]);
  return facts;
}
