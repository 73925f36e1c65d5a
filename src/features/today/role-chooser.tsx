import { useState } from 'react';
import { labels } from '../../lib/labels';
import { ROLES } from '../../shared/settings';
import { chooseRole } from './choose-role';

/**
 * First start: a friendly question about the learner's role, so Up next and the slot planner follow its
 * pathway. "Not now" hides it until the next visit; Settings can change the role at any time.
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
    </section>
  );
}
