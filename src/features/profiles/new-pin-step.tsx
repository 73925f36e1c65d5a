import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/text-field';
import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { PIN_INPUT } from './pin-input';
import { hashPin, newPinSalt, pinProblem } from './profile-pin';

type Props = {
  person: ProfileRow;
  /** Called once the PIN is saved. */
  onSaved: (person: ProfileRow) => Promise<void>;
  onCancel: () => void;
};

/**
 * A person chosen on a shared device who has no PIN (added before everyone needed one) chooses it before
 * anything of theirs opens, so from now on switching to them asks for it.
 */
export function NewPinStep({ person, onSaved, onCancel }: Props) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const pin = String(new FormData(form).get('pin') ?? '');
    const problem = pinProblem(pin);
    setError(problem ?? undefined);
    if (problem) {
      const field = form.elements.namedItem('pin');
      if (field instanceof HTMLElement) field.focus();
      return;
    }
    setBusy(true);
    try {
      const stored = await hashPin(pin, newPinSalt());
      await profilesRepo.setPin(person.databaseName, stored);
      await onSaved({ ...person, pin: stored });
    } catch {
      setError('The PIN could not be saved: this device’s storage refused it. Nothing of yours opened.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="people-pin" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={`Choose a PIN for ${person.name}`}
        hint="Everyone on a shared device has a PIN: 4 to 8 digits, asked each time someone switches to you. A privacy screen between colleagues, not a password."
        name="pin"
        error={error}
        // The form replaces the list the person just tapped in: the PIN is where they type next.
        autoFocus
        {...PIN_INPUT}
      />
      <p role="alert" className="visually-hidden">
        {error}
      </p>
      <div className="people__actions">
        <button type="submit" className="button" disabled={busy}>
          Save PIN and continue as {person.name}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Someone else
        </button>
      </div>
    </form>
  );
}
