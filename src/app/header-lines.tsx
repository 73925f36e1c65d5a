import { lazy, Suspense } from 'react';
import { SyncStatusLine } from '../features/sync-status/sync-status-line';

// Loaded from here rather than with this chunk: the list of files it needs (its own, the people page's
// shared code and styles) is then written into this chunk, not into the first screen's code.
const ProfileLine = lazy(async () => ({
  default: (await import('../features/profiles/profile-line')).ProfileLine,
}));

/** The lines under the header, loaded once the browser is idle (layout.tsx). */
export function HeaderLines() {
  return (
    <>
      <Suspense fallback={null}>
        <ProfileLine />
      </Suspense>
      <SyncStatusLine />
    </>
  );
}
