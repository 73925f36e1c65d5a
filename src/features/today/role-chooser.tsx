import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { labels } from '../../lib/text/labels';
import { ROLES } from '../../shared/device/settings';
import { SIGNED_IN_MARKER } from '../../shared/protocol/signed-in-marker';
import { chooseRole } from './choose-role';

// Its own chunk: only a device whose storage the browser cleared ever needs it.
const LostDataNotice = lazy(async () => ({ default: (await import('./lost-data-notice')).LostDataNotice }));

/**
 * First start: a friendly question about the learner's role, so Up next and the slot planner follow its
 * pathway. "Not now" hides it until the next visit; Settings can change the role at any time. It offers
 * sign-in to someone who already has an account, and says so when the browser cleared this device's data.
 */
export function RoleChooser() {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <section aria-labelledby="role-heading" className="card">
      <h2 id="role-heading">Welcome. What is your role?</h2>
      <p>We will suggest modules in the order that suits your work. You can change this later in Settings.</p>
      <ul className="actions" aria-label="Roles">
        {ROLES.map((role) => (
          <li key={role} className="actions__item">
            <button type="button" className="button button--quiet" onClick={() => void chooseRole(role)}>
              {labels.audience[role]}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--quiet" onClick={() => setHidden(true)}>
        Not now
      </button>
      <p>
        <Link to="/settings/sync?sign-in">I already have an account</Link>
      </p>
      {document.cookie.includes(`${SIGNED_IN_MARKER}=1`) && (
        <Suspense>
          <LostDataNotice />
        </Suspense>
      )}
    </section>
  );
}
