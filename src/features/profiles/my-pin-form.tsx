import { type FormEvent, useState } from 'react';
import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { PIN_INPUT, ProfileField } from './profile-field';
import { hashPin, newPinSalt, pinProblem } from './profile-pin';

/** The person studying now sets, changes or removes their own PIN. */
export function MyPinForm({ me }: { me: ProfileRow }) {
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const pin = String(new FormData(form).get('pin') ?? '');
    const problem = pinProblem(pin);
    setSaved(null);
    setError(problem ?? undefined);
    if (problem) {
      const field = form.elements.namedItem('pin');
      if (field instanceof HTMLElement) field.focus();
      return;
    }
    try {
      await profilesRepo.setPin(me.databaseName, await hashPin(pin, newPinSalt()));
      form.reset();
      setSaved('Your PIN is saved.');
    } catch {
      setError('The PIN could not be saved: this device’s storage refused it.');
    }
  }

  async function removePin() {
    try {
      await profilesRepo.setPin(me.databaseName, undefined);
      setSaved('Your PIN is removed: anyone can switch to you.');
    } catch {
      setError('The PIN could not be removed: this device’s storage refused it.');
    }
  }

  return (
    <section className="card" aria-labelledby="my-pin-heading">
      <h2 id="my-pin-heading">Your PIN, {me.name}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ProfileField
          label={me.pin ? 'New PIN' : 'PIN'}
          hint="4 to 8 digits. A privacy screen between colleagues, not a password."
          name="pin"
          error={error}
          {...PIN_INPUT}
        />
        <div className="people__actions">
          <button type="submit" className="button">
            {me.pin ? 'Change PIN' : 'Set PIN'}
          </button>
          {me.pin && (
            <button type="button" className="button button--quiet" onClick={() => void removePin()}>
              Remove PIN
            </button>
          )}
        </div>
        <div role="status">{saved && <p>{saved}</p>}</div>
      </form>
    </section>
  );
}
