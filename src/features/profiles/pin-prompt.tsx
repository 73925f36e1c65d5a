import { type FormEvent, type ReactNode, useState } from 'react';
import { TextField } from '../../components/text-field';
import { PIN_INPUT } from './pin-input';

type Props = {
  label: string;
  hint?: string;
  submitLabel: string;
  /** Checks or saves the PIN; resolves to what is wrong with it, or nothing when it was taken. */
  onPin: (pin: string) => Promise<string | undefined>;
  onCancel: () => void;
  /** More ways out below the buttons (forgot the PIN). */
  children?: ReactNode;
};

/**
 * Asks for one PIN on a shared device: when a person is chosen, and when one without a PIN chooses it. A
 * refused PIN is said next to the field and announced, and the field is emptied for the next try.
 */
export function PinPrompt({ label, hint, submitLabel, onPin, onCancel, children }: Props) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = event.currentTarget.elements.namedItem('pin');
    if (!(field instanceof HTMLInputElement)) return;
    setBusy(true);
    try {
      const problem = await onPin(field.value);
      setError(problem);
      if (problem) {
        field.value = '';
        field.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="people-pin" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={label}
        hint={hint}
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
          {submitLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Someone else
        </button>
      </div>
      {children}
    </form>
  );
}
