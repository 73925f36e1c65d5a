// The learner's choice to put their reflection notes in the record's CSV, kept on this device in `meta`
// (`recordCsvReflections`, in the active person's own database, so on a shared tablet it is each person's).
// Off until they tick it. If it cannot be stored (storage full or closed), it still holds while the page
// is open and only the remembering is lost, which the console records.
import { useState } from 'react';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';

/** `include` is undefined while the stored choice is read, so a screen never shows the box flipping. */
export function useIncludeReflections(): [include: boolean | undefined, choose: (include: boolean) => void] {
  // Null, not undefined, for "never chosen": useLiveQuery's undefined means "not read yet".
  const stored = useLiveQuery(async () => (await metaRepo.get('recordCsvReflections')) ?? null, []);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const choose = (include: boolean) => {
    setChosen(include);
    metaRepo.set('recordCsvReflections', include).catch((error: unknown) => {
      console.error('Could not remember the choice to include reflections', error);
    });
  };
  return [chosen ?? (stored === undefined ? undefined : (stored ?? false)), choose];
}
