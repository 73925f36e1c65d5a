import { PageHeading } from '../components/page-heading';
import { AccountPanel } from '../features/account/account-panel';
import { SyncDetails } from '../features/sync-status/sync-details';

/** Settings → Back up and sync: where sync stands, and the account that carries it. */
export function SyncSettingsPage() {
  return (
    <>
      <PageHeading title="Back up and sync" />
      <SyncDetails />
      <AccountPanel />
    </>
  );
}
