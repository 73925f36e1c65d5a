import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/text-field';
import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { PIN_INPUT } from './pin-input';
import { hashPin, newPinSalt, pinProblem } from './profile-pin';

/**
 * The person studying now changes their own PIN. It cannot be removed: on a shared device everyone has one
 * (with one person left the device is a personal one again and the PIN goes with the list).
 */
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

  return (
    <section className="card" aria-labelledby="my-pin-heading">
      <h2 id="my-pin-heading">Your PIN, {me.name}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="New PIN"
          hint="4 to 8 digits. A privacy screen between colleagues, not a password."
          name="pin"
          error={error}
          {...PIN_INPUT}
        />
        <div className="people__actions">
          <button type="submit" className="button">
            Change PIN
          </button>
        </div>
        <div role="status">{saved && <p>{saved}</p>}</div>
      </form>
    </section>
  );
}
