import { lazy, Suspense } from 'react';
import { useOnlineStatus } from '../lib/browser/online-status';

// The mark reads Dexie only while offline, so online (the first visit) its code is not even loaded:
// it stays off the first screen's JavaScript budget.
const NeedsConnection = lazy(async () => ({ default: (await import('./needs-connection')).NeedsConnection }));

/** "Needs a connection" beside a module or lesson while offline, when its module is not on the device. */
export function NeedsConnectionMark({ moduleId }: { moduleId: string }) {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <Suspense fallback={null}>
      <NeedsConnection moduleId={moduleId} />
    </Suspense>
  );
}
