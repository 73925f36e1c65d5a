import { useState } from 'react';
import { appSync } from '../../sync/app-sync';
import { describeSync } from './describe-sync';
import { useNow } from './use-now';
import { useSyncStatus } from './use-sync-status';

/**
 * The sync page's account of where things stand: the status, anything the server refused (with its reason,
 * kept on this device and not retried) and notes to resolve, plus "Sync now".
 */
export function SyncDetails() {
  const status = useSyncStatus();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  if (!status || status.state === 'local-only') return null;
  const summary = describeSync(status, now);

  const syncNow = async () => {
    setBusy(true);
    try {
      await (await appSync.load()).syncNow();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="sync-details-title">
      <h2 id="sync-details-title">Sync</h2>
      <p>{summary.text}</p>
      {status.message && status.state !== 'signed-out' && <p className="meta">{status.message}</p>}
      {status.conflicts > 0 && (
        <p>
          {status.conflicts === 1
            ? 'One note was changed on two devices.'
            : `${status.conflicts} notes were changed on two devices.`}{' '}
          Open the lesson to choose which version to keep.
        </p>
      )}
      {status.rejected.length > 0 && (
        <>
          <h3>Not accepted by the server</h3>
          <p className="meta">These stay on this device and are not sent again.</p>
          <ul>
            {status.rejected.map((item) => (
              <li key={item.id}>{item.reason}</li>
            ))}
          </ul>
        </>
      )}
      {status.state !== 'signed-out' && (
        <button type="button" className="button button--quiet" disabled={busy} onClick={() => void syncNow()}>
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
      )}
    </section>
  );
}
