import { ProfileLine } from '../features/profiles/profile-line';
import { SyncStatusLine } from '../features/sync-status/sync-status-line';

/** The lines under the header, loaded together once the browser is idle (layout.tsx). */
export function HeaderLines() {
  return (
    <>
      <ProfileLine />
      <SyncStatusLine />
    </>
  );
}
