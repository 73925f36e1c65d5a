import { useId, useState } from 'react';
import { metaRepo } from '../db/meta-repo';
import { modulesRepo } from '../db/modules-repo';
import { useOnlineStatus } from '../lib/browser/online-status';
import { useLiveQuery } from '../lib/data/use-live-query';
import { formatBytes } from '../lib/text/format-bytes';
import { labels } from '../lib/text/labels';
import { filterModules } from '../shared/content/filter-modules';
import type { Role } from '../shared/device/settings';
import { moduleDownloader } from './module-downloader';
import { useDownloadStatuses } from './use-download-statuses';
import { useStorageFacts } from './use-storage-facts';
import './storage-panel.css';

/**
 * One "Download everything" run: the modules it set out to fetch, those it stored, and whether it is still
 * going. What is on the device is read live, so a module that finishes later (a download resumed after the
 * connection came back) counts in the final line too, instead of leaving a stale "3 of 9".
 */
type Batch = { ids: string[]; stored: ReadonlySet<string>; running: boolean } | null;

/** Settings → Storage: space used, what is downloaded (with Remove), and "Download everything for my role". */
export function StoragePanel({ role }: { role: Role | undefined }) {
  const headingId = useId();
  const catalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const held = useLiveQuery(() => modulesRepo.downloaded(), []);
  const asked = useLiveQuery(() => metaRepo.get('storagePersistence'), []);
  const statuses = useDownloadStatuses();
  const online = useOnlineStatus();
  const { use, persistence } = useStorageFacts(held?.map((m) => m.id).join());
  const [batch, setBatch] = useState<Batch>(null);

  const forRole = catalog && role ? filterModules(catalog.modules, { role }) : [];
  const heldIds = new Set(held?.map((m) => m.id));
  const missing = forRole.filter((m) => !heldIds.has(m.id));
  const quota = [...statuses.values()].find((s) => s.phase === 'quota');

  const downloadAll = async () => {
    const ids = missing.map((m) => m.id);
    const stored = new Set<string>();
    setBatch({ ids, stored: new Set(stored), running: true });
    for (const module of missing) {
      if (await moduleDownloader.start(module)) stored.add(module.id);
      setBatch({ ids, stored: new Set(stored), running: true });
      // A full disk will not get emptier by trying the next module.
      if (moduleDownloader.get().get(module.id)?.phase === 'quota') break;
    }
    setBatch({ ids, stored: new Set(stored), running: false });
  };
  const batchDone = batch ? batch.ids.filter((id) => batch.stored.has(id) || heldIds.has(id)).length : 0;

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
            disabled={!online || batch?.running === true}
            onClick={() => void downloadAll()}
          >
            Download everything for my role
          </button>
          {!online && <p>Needs a connection.</p>}
        </>
      )}
      {batch?.running && (
        <progress
          className="storage-panel__progress"
          max={batch.ids.length}
          value={batchDone}
          aria-label="Modules downloaded"
        />
      )}
      {batch && (
        <p role="status">
          {batch.running
            ? `Downloading ${Math.min(batchDone + 1, batch.ids.length)} of ${batch.ids.length}…`
            : batchDone === batch.ids.length
              ? `Finished: ${batchDone} of ${batch.ids.length} downloaded.`
              : `Stopped: ${batchDone} of ${batch.ids.length} downloaded. The rest can be downloaded when there is a connection and space.`}
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
