import { type ComponentProps, useState } from 'react';
import { TextField } from '../../components/text-field';
import { MIN_PASSWORD } from './form-errors';
import './account.css';

type Props = Omit<ComponentProps<typeof TextField>, 'type' | 'after'>;

/**
 * A password field with a "Show password" toggle: a real button whose pressed state (aria-pressed) says
 * whether the password is shown, so a screen reader hears "Show password, toggle button, pressed". Seeing
 * what was typed helps on a phone keyboard and for learners with dyslexia.
 */
export function PasswordField(props: Props) {
  const [shown, setShown] = useState(false);
  return (
    <TextField
      {...props}
      type={shown ? 'text' : 'password'}
      // The browser should not offer to correct or capitalise a shown password.
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      after={
        <button
          type="button"
          className="button button--quiet field__toggle"
          aria-pressed={shown}
          onClick={() => setShown((s) => !s)}
        >
          Show password
        </button>
      }
    />
  );
}

/** The one "New password" field: at sign-up's length rule, in a password change and in both resets. */
export function NewPasswordField({ name, error }: { name: string; error: string | undefined }) {
  return (
    <PasswordField
      label="New password"
      name={name}
      autoComplete="new-password"
      hint={`At least ${MIN_PASSWORD} characters. A short sentence is easy to remember.`}
      error={error}
    />
  );
}
