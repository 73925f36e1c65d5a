import { type FormEvent, useRef, useState } from 'react';
import { TextField } from '../../components/text-field';
import { appSync } from '../../sync/app-sync';
import {
  checkForm,
  errorsFromFailure,
  type FormErrors,
  type AccountForm as FormKind,
  hasErrors,
  MIN_PASSWORD,
  noErrors,
  SERVER_UNREACHABLE,
} from './form-errors';
import { PasswordField } from './password-field';

type Props = {
  kind: FormKind;
  email?: string;
  onSwitch?: () => void;
  /** After an account is made, with its password, so the panel can make and show its recovery codes. */
  onCreated?: (password: string) => void;
};

/**
 * Create an account or sign in. Errors are shown next to their field (and focus moves to the first one);
 * a problem with the whole request (offline, too many tries) is shown above the button.
 */
export function AccountForm({ kind, email: knownEmail, onSwitch, onCreated }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const create = kind === 'create';

  const focusFirstError = (next: FormErrors) => {
    const field = (['email', 'name', 'password'] as const).find((f) => next.fields[f]);
    const target = field ? formRef.current?.elements.namedItem(field) : null;
    if (target instanceof HTMLElement) target.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = {
      email: String(data.get('email') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    };
    const checked = checkForm(kind, values);
    setErrors(checked);
    if (hasErrors(checked)) {
      focusFirstError(checked);
      return;
    }
    setBusy(true);
    try {
      const { account } = await appSync.load();
      const result = create
        ? await account.createAccount(values)
        : await account.signIn({ email: values.email, password: values.password });
      if (!result.ok) {
        const next = errorsFromFailure(result.failure, kind);
        setErrors(next);
        focusFirstError(next);
      } else if (create) onCreated?.(values.password);
    } catch {
      // Sync's code is loaded from the server the first time it is needed: when that fails, the server
      // could not be reached (the rest of the app keeps working from this device).
      setErrors({ fields: {}, form: SERVER_UNREACHABLE });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="account-form" noValidate onSubmit={(e) => void submit(e)}>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete={create ? 'email' : 'username'}
        defaultValue={knownEmail}
        error={errors.fields.email}
      />
      {create && (
        <TextField
          label="Display name"
          name="name"
          autoComplete="name"
          maxLength={100}
          error={errors.fields.name}
        />
      )}
      <PasswordField
        label="Password"
        name="password"
        autoComplete={create ? 'new-password' : 'current-password'}
        hint={
          create ? `At least ${MIN_PASSWORD} characters. A short sentence is easy to remember.` : undefined
        }
        error={errors.fields.password}
      />
      {errors.form && (
        <p role="alert" className="alert">
          {errors.form}
        </p>
      )}
      {errors.emailTaken && onSwitch && (
        <p>
          <button type="button" className="button button--quiet" onClick={onSwitch}>
            Sign in instead
          </button>
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? (create ? 'Creating your account…' : 'Signing in…') : create ? 'Create account' : 'Sign in'}
      </button>
    </form>
  );
}
