import { type FormEvent, useState } from 'react';
import { TextField } from '../../components/text-field';
import { profilesRepo } from '../../db/profiles-repo';
import { markChosenThisVisit } from './chosen-this-visit';
import { PIN_INPUT } from './pin-input';
import { hashPin, newPinSalt, pinProblem } from './profile-pin';

type Errors = { current?: string; currentPin?: string; name?: string; pin?: string; form?: string };

const NAME_MAX = 60;

/**
 * Adds a person with their own progress on this device. The first time, the person who has used the
 * device so far is named too: they keep everything they have. On a shared device everyone has a PIN, so
 * the person added chooses one, and the first time the person using the device now chooses theirs.
 */
export function AddPersonForm({ firstTime }: { firstTime: boolean }) {
  const [errors, setErrors] = useState<Errors>({});
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const current = String(data.get('current') ?? '').trim();
    const currentPin = String(data.get('currentPin') ?? '');
    const name = String(data.get('name') ?? '').trim();
    const pin = String(data.get('pin') ?? '');
    const found: Errors = {
      current: firstTime && !current ? 'Enter the name of the person using this device now.' : undefined,
      currentPin: firstTime ? (pinProblem(currentPin) ?? undefined) : undefined,
      name: name ? undefined : 'Enter the name of the person to add.',
      pin: pinProblem(pin) ?? undefined,
    };
    setErrors(found);
    setAdded(null);
    const first = (['current', 'currentPin', 'name', 'pin'] as const).find((field) => found[field]);
    if (first) {
      const field = form.elements.namedItem(first);
      if (field instanceof HTMLElement) field.focus();
      return;
    }
    setBusy(true);
    try {
      const me = firstTime ? { name: current, pin: await hashPin(currentPin, newPinSalt()) } : undefined;
      await profilesRepo.add({ name, pin: await hashPin(pin, newPinSalt()) }, me, new Date());
      // Whoever adds a person is the one at the device: they are not asked who is studying next.
      markChosenThisVisit();
      form.reset();
      setAdded(name);
    } catch {
      setErrors({
        form: 'The person could not be added: this device’s storage refused it. Nothing changed.',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="add-person-heading">
      <h2 id="add-person-heading">Add a person</h2>
      <p>
        Each person on this device has their own progress, notes, settings, downloads and account. Nobody sees
        anyone else’s.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {firstTime && (
          <TextField
            label="Your name (the person using this device now)"
            hint="You keep everything already on this device."
            name="current"
            autoComplete="off"
            maxLength={NAME_MAX}
            error={errors.current}
          />
        )}
        {firstTime && (
          <TextField
            label="Your PIN"
            hint="4 to 8 digits. With more than one person here, the app asks for it each time someone switches to you."
            name="currentPin"
            error={errors.currentPin}
            {...PIN_INPUT}
          />
        )}
        <TextField
          label="Name of the person to add"
          name="name"
          autoComplete="off"
          maxLength={NAME_MAX}
          error={errors.name}
        />
        <TextField
          label="Their PIN"
          hint="4 to 8 digits, asked when someone switches to them. It stops colleagues opening their progress by mistake; it is not a password."
          name="pin"
          error={errors.pin}
          {...PIN_INPUT}
        />
        <button type="submit" className="button" disabled={busy}>
          Add person
        </button>
        <div role="status">
          {added && <p>{added} is added. Choose them under “Who is studying?” to start.</p>}
        </div>
        {errors.form && (
          <p role="alert" className="alert">
            {errors.form}
          </p>
        )}
      </form>
    </section>
  );
}
