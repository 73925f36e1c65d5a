import { useEffect, useRef, useState } from 'react';
import type { ProfileRow } from '../../db/profiles-repo';
import { forgetPerson } from './forget-person';

type Props = { person: ProfileRow; onKeep: () => void; onRemoved: () => void };

/**
 * "Forgot PIN?": a PIN cannot be reset here (that would let anyone open anyone's notes), so the way out is
 * to remove the person from this device and add them again with a new PIN. Says first what that loses.
 */
export function ForgotPin({ person, onKeep, onRemoved }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  async function remove() {
    setBusy(true);
    try {
      await forgetPerson(person);
      onRemoved();
    } catch {
      setError(
        `${person.name} could not be removed completely: this device’s storage refused it. Reload the app and try again.`,
      );
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="forgot-pin-heading">
      <h2 id="forgot-pin-heading" ref={heading} tabIndex={-1}>
        Forgot {person.name}’s PIN?
      </h2>
      <p>
        A PIN cannot be reset on this device: that would let anyone open anyone’s notes. Instead, remove{' '}
        {person.name} from this device, then add them again with a new PIN (Settings → People on this device).
      </p>
      <ul>
        <li>
          Removing deletes {person.name}’s progress, notes, settings and downloaded modules from this device.
        </li>
        <li>
          Anything synced to {person.name}’s account stays on the server, and comes back when they sign in
          again after being added.
        </li>
        <li>Anything not yet synced, and everything if {person.name} has no account, is lost.</li>
      </ul>
      <p role="alert" className="field__error">
        {error}
      </p>
      <div className="people__actions">
        <button
          type="button"
          className="button people-remove__confirm"
          disabled={busy}
          onClick={() => void remove()}
        >
          Remove {person.name} from this device
        </button>
        <button type="button" className="button button--quiet" onClick={onKeep}>
          Keep {person.name}
        </button>
      </div>
    </section>
  );
}
