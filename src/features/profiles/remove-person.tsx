import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/text-field';
import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { PIN_INPUT } from './pin-input';
import { pinMatches } from './profile-pin';

/**
 * Removes another person from this device after saying what goes: their progress, notes, settings and
 * downloads here. What they synced to an account stays on the server. Their PIN, if any, is asked first.
 */
export function RemovePerson({ person }: { person: ProfileRow }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function remove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pin = String(new FormData(event.currentTarget).get('pin') ?? '');
    setBusy(true);
    try {
      if (person.pin && !(await pinMatches(pin, person.pin))) {
        setError(`That PIN is not ${person.name}’s.`);
        return;
      }
      await profilesRepo.remove(person.databaseName);
    } catch {
      setError(`${person.name} could not be removed: this device’s storage refused it. Nothing was deleted.`);
    } finally {
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
        Remove {person.name}…
      </button>
    );
  }
  return (
    <form className="people-remove" onSubmit={(event) => void remove(event)} noValidate>
      <p>
        Removing {person.name} deletes their progress, notes, settings and downloaded modules from this
        device. Anything they synced to their account stays on the server: signing in again on any device
        brings it back. Anything not yet synced is lost.
      </p>
      {person.pin && <TextField label={`${person.name}’s PIN`} name="pin" error={error} {...PIN_INPUT} />}
      <p role="alert" className={person.pin ? 'visually-hidden' : 'field__error'}>
        {error}
      </p>
      <div className="people__actions">
        <button type="submit" className="button people-remove__confirm" disabled={busy}>
          Remove {person.name} and their progress
        </button>
        <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
          Keep {person.name}
        </button>
      </div>
    </form>
  );
}
