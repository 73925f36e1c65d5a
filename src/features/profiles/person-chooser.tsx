import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/text-field';
import type { ProfileRow } from '../../db/profiles-repo';
import { NewPinStep } from './new-pin-step';
import { PIN_INPUT } from './pin-input';
import { pinMatches } from './profile-pin';

type Props = {
  people: ProfileRow[];
  activeDatabaseName: string;
  /** Called once the chosen person's PIN was given, or chosen by a person who had none. */
  onChosen: (person: ProfileRow) => Promise<void>;
};

/**
 * "Who is studying?": one button per person. Choosing always asks for that person's PIN; a person without
 * one (from before everyone on a shared device needed one) sets it first.
 */
export function PersonChooser({ people, activeDatabaseName, onChosen }: Props) {
  const [asking, setAsking] = useState<ProfileRow | null>(null);
  const [settingPin, setSettingPin] = useState<ProfileRow | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  function choose(person: ProfileRow) {
    setError(undefined);
    if (person.pin) setAsking(person);
    else setSettingPin(person);
  }

  async function submitPin(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!asking?.pin) return;
    const form = event.currentTarget;
    const pin = String(new FormData(form).get('pin') ?? '');
    setBusy(true);
    try {
      if (await pinMatches(pin, asking.pin)) {
        await onChosen(asking);
        return;
      }
      setError(`That PIN is not ${asking.name}’s. Try again.`);
      const field = form.elements.namedItem('pin');
      if (field instanceof HTMLInputElement) {
        field.value = '';
        field.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  if (settingPin) {
    return <NewPinStep person={settingPin} onSaved={onChosen} onCancel={() => setSettingPin(null)} />;
  }

  if (asking) {
    return (
      <form className="people-pin" onSubmit={(event) => void submitPin(event)} noValidate>
        <TextField
          label={`${asking.name}’s PIN`}
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
            Continue as {asking.name}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setAsking(null)}>
            Someone else
          </button>
        </div>
      </form>
    );
  }

  return (
    <ul className="people-list">
      {people.map((person) => (
        <li key={person.databaseName}>
          <button type="button" className="button people-list__person" onClick={() => choose(person)}>
            {person.databaseName === activeDatabaseName ? `${person.name} (studying now)` : person.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
