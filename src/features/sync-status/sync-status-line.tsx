import { Link } from 'react-router';
import { useOnlineStatus } from '../../lib/browser/online-status';
import { describeSync } from './describe-sync';
import { useNow } from './use-now';
import { useSyncStatus } from './use-sync-status';

/**
 * One line under the header for learners with an account: saved, waiting, synced, offline or paused, with
 * a link when they need to act. Nothing for learners without an account — their progress simply stays here.
 * While the browser is offline the app-wide offline line says so, and this line only says what will sync.
 */
export function SyncStatusLine() {
  const status = useSyncStatus();
  const now = useNow();
  const online = useOnlineStatus();
  const summary = status && status.state !== 'local-only' ? describeSync(status, now, !online) : null;
  return (
    <div className={summary ? `sync-line sync-line--${summary.tone}` : undefined}>
      {summary && (
        <p className="sync-line__text">
          <span>{summary.text}</span>
          {summary.needsSignIn ? (
            <Link to="/settings/sync">Sign in</Link>
          ) : (
            summary.needsAttention && <Link to="/settings/sync">See what needs you</Link>
          )}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {summary?.announcement}
      </p>
    </div>
  );
}
