import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { PinPrompt } from './pin-prompt';
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
  async function save(pin: string): Promise<string | undefined> {
    const problem = pinProblem(pin);
    if (problem) return problem;
    try {
      const stored = await hashPin(pin, newPinSalt());
      await profilesRepo.setPin(person.databaseName, stored);
      await onSaved({ ...person, pin: stored });
      return undefined;
    } catch {
      return 'The PIN could not be saved: this device’s storage refused it. Nothing of yours opened.';
    }
  }

  return (
    <PinPrompt
      label={`Choose a PIN for ${person.name}`}
      hint="Everyone on a shared device has a PIN: 4 to 8 digits, asked each time someone switches to you. A privacy screen between colleagues, not a password."
      submitLabel={`Save PIN and continue as ${person.name}`}
      onPin={save}
      onCancel={onCancel}
    />
  );
}
