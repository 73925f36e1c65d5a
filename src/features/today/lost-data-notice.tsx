import { Link } from 'react-router';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';

/**
 * Shown in the welcome when the browser says this device was signed in (the server's marker cookie) but
 * the device holds no session: the browser cleared the app's storage. Signing in brings everything back.
 */
export function LostDataNotice() {
  const session = useLiveQuery(async () => (await metaRepo.get('session')) ?? null, []);
  if (session !== null) return null;
  return (
    <div className="alert" role="status">
      <p className="alert__title">Your progress is not on this device any more</p>
      <p>
        This device was signed in to your account, but the browser has cleared what the app kept here. Your
        progress and notes are safe in your account.
      </p>
      <p>
        <Link to="/settings/sync?sign-in">Sign in to bring everything back</Link>
      </p>
    </div>
  );
}
