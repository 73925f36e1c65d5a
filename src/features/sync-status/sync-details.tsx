import { useState } from 'react';
import { Link } from 'react-router';
import { useOnlineStatus } from '../../lib/browser/online-status';
import { appSync } from '../../sync/app-sync';
import { describeSync } from './describe-sync';
import { useNow } from './use-now';
import { type NamedLesson, type NamedRejection, useSyncItems } from './use-sync-items';
import { useSyncStatus } from './use-sync-status';

function LessonName({ lesson }: { lesson: NamedLesson }) {
  return lesson.href ? <Link to={lesson.href}>{lesson.title}</Link> : lesson.title;
}

/**
 * The sync page's account of where things stand: the status, anything the server refused (with its reason,
 * kept on this device and not retried) and notes to resolve, plus "Sync now".
 */
const NONE: never[] = [];

export function SyncDetails() {
  const status = useSyncStatus();
  const now = useNow();
  const deviceOffline = !useOnlineStatus();
  const [busy, setBusy] = useState(false);
  const { conflicts, rejections } = useSyncItems(status?.rejected ?? NONE);
  if (!status || status.state === 'local-only') return null;
  const summary = describeSync(status, now, deviceOffline);
  // The app-wide offline line already says the device is offline: the engine's offline sentence would be
  // a second one.
  const message =
    status.state === 'signed-out' || (status.state === 'offline' && deviceOffline)
      ? undefined
      : status.message;

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
      {message && <p className="meta">{message}</p>}
      {status.conflicts > 0 && (
        <p>
          {status.conflicts === 1
            ? 'One note was changed on two devices.'
            : `${status.conflicts} notes were changed on two devices.`}{' '}
          Open the lesson to choose which version to keep:
        </p>
      )}
      {status.conflicts > 0 && conflicts && conflicts.length > 0 && (
        <ul aria-label="Notes to check">
          {conflicts.map((lesson) => (
            <li key={lesson.lessonId}>
              <LessonName lesson={lesson} />
            </li>
          ))}
        </ul>
      )}
      {status.rejected.length > 0 && (
        <>
          <h3>Not accepted by the server</h3>
          <p className="meta">These stay on this device and are not sent again.</p>
          <ul>
            {(
              rejections ??
              status.rejected.map((item): NamedRejection => ({ id: item.id, what: '', reason: item.reason }))
            ).map((item) => (
              <li key={item.id}>
                {item.lesson ? (
                  <>
                    {item.what} “<LessonName lesson={item.lesson} />
                    ”: {item.reason}
                  </>
                ) : (
                  `${item.what ? `${item.what}: ` : ''}${item.reason}`
                )}
              </li>
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
