import { useId, useState } from 'react';
import { metaRepo } from '../db/meta-repo';
import { modulesRepo } from '../db/modules-repo';
import { formatBytes } from '../lib/format-bytes';
import { labels } from '../lib/labels';
import { useOnlineStatus } from '../lib/online-status';
import { useLiveQuery } from '../lib/use-live-query';
import { filterModules } from '../shared/filter-modules';
import type { Role } from '../shared/settings';
import { PERSISTENCE_KEY } from './ask-to-keep-storage';
import { moduleDownloader } from './module-downloader';
import { useDownloadStatuses } from './use-download-statuses';
import { useStorageFacts } from './use-storage-facts';

type Batch = { done: number; total: number; failed: number } | null;

/** Settings → Storage: space used, what is downloaded (with Remove), and "Download everything for my role". */
export function StoragePanel({ role }: { role: Role | undefined }) {
  const headingId = useId();
  const catalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const held = useLiveQuery(() => modulesRepo.downloaded(), []);
  const asked = useLiveQuery(() => metaRepo.get(PERSISTENCE_KEY), []);
  const statuses = useDownloadStatuses();
  const online = useOnlineStatus();
  const { use, persistence } = useStorageFacts(held?.map((m) => m.id).join());
  const [batch, setBatch] = useState<Batch>(null);

  const forRole = catalog && role ? filterModules(catalog.modules, { role }) : [];
  const heldIds = new Set(held?.map((m) => m.id));
  const missing = forRole.filter((m) => !heldIds.has(m.id));
  const quota = [...statuses.values()].find((s) => s.phase === 'quota');

  const downloadAll = async () => {
    setBatch({ done: 0, total: missing.length, failed: 0 });
    let failed = 0;
    for (const [i, module] of missing.entries()) {
      if (!(await moduleDownloader.start(module))) failed += 1;
      setBatch({ done: i + 1, total: missing.length, failed });
      // A full disk will not get emptier by trying the next module.
      if (moduleDownloader.snapshot().get(module.id)?.phase === 'quota') break;
    }
  };

  return (
    <section aria-labelledby={headingId} className="storage-panel">
      <h2 id={headingId}>Storage and offline use</h2>
      <p>
        {use
          ? `Pocket CPD uses ${formatBytes(use.usage)} on this device (the browser allows up to about ${formatBytes(use.quota)}).`
          : 'This browser does not say how much space Pocket CPD uses.'}
      </p>
      {persistence === 'persisted' && <p>Your browser will keep your downloads even when space runs low.</p>}
      {persistence === 'not-persisted' && asked === 'not-persisted' && (
        <p>
          Your browser did not promise to keep downloads if the device runs low on space. Installing the app,
          or opening it regularly, usually changes that. Your progress is safe either way once it has synced.
        </p>
      )}

      <h3>Downloaded modules</h3>
      {held && held.length > 0 ? (
        <ul className="download-list">
          {held.map((m) => (
            <li key={m.id}>
              <span>
                {m.title} · {formatBytes(m.downloadedBytes ?? m.bytes)}
              </span>{' '}
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove download: ${m.title}`}
                onClick={() => void moduleDownloader.remove(m.id)}
              >
                Remove download
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No modules downloaded yet. Lessons you open are saved automatically too.</p>
      )}

      <h3>Download for offline</h3>
      {!role ? (
        <p>Choose your role above to download the modules for it in one go.</p>
      ) : missing.length === 0 && forRole.length > 0 ? (
        <p>Every module for {labels.audience[role].toLowerCase()}s is on this device.</p>
      ) : (
        <>
          <p>
            {missing.length} modules for {labels.audience[role].toLowerCase()}s are not on this device yet (
            {formatBytes(missing.reduce((sum, m) => sum + m.bytes, 0))}).
          </p>
          <button
            type="button"
            className="button"
            disabled={!online || (batch !== null && batch.done < batch.total)}
            onClick={() => void downloadAll()}
          >
            Download everything for my role
          </button>
          {!online && <p>Needs a connection.</p>}
        </>
      )}
      {batch && (
        <p role="status">
          {batch.done < batch.total
            ? `Downloading ${batch.done + 1} of ${batch.total}…`
            : `Finished: ${batch.done - batch.failed} of ${batch.total} downloaded.`}
        </p>
      )}
      {quota?.phase === 'quota' && (
        <p role="alert" className="alert">
          {quota.message}
        </p>
      )}
    </section>
  );
}
