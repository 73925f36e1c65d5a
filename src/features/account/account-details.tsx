import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import type { ApiResult } from '../../api/api-client';
import { TextField } from '../../components/text-field';
import { appSync } from '../../sync/app-sync';
import { type ChangeErrors, type ChangeField, changeErrors } from './change-errors';
import { MIN_PASSWORD, SERVER_UNREACHABLE } from './form-errors';
import { NewPasswordField, PasswordField } from './password-field';
import './account.css';

type Change = 'name' | 'email' | 'password';
type Props = { name?: string; email?: string; onChanged: (message: string) => void };

/**
 * The signed-in account: its name and email, and a form to change each of them and the password. A new
 * email or password asks for the current password; a new password offers to sign out the other devices.
 */
export function AccountDetails({ name, email, onChanged }: Props) {
  const [open, setOpen] = useState<Change | undefined>();

  // Read the account back, so a name changed on another device shows here (and on certificates) too.
  useEffect(() => {
    appSync
      .load()
      .then((sync) => sync.account.refreshProfile())
      .catch(() => undefined);
  }, []);

  const done = (message: string) => {
    setOpen(undefined);
    onChanged(message);
  };
  const toggle = (change: Change, label: string) => (
    <button
      type="button"
      className="button button--quiet"
      aria-expanded={open === change}
      onClick={() => setOpen(open === change ? undefined : change)}
    >
      {label}
    </button>
  );

  return (
    <>
      <dl className="account-details">
        <dt>Name</dt>
        <dd>{name ?? 'Not given'}</dd>
        <dt>Email</dt>
        <dd>{email ?? 'Not known on this device'}</dd>
      </dl>
      <p className="button-row">
        {toggle('name', 'Change name')}
        {toggle('email', 'Change email')}
        {toggle('password', 'Change password')}
      </p>
      {open === 'name' && <NameForm name={name} onDone={done} />}
      {open === 'email' && <EmailForm onDone={done} />}
      {open === 'password' && <PasswordForm onDone={done} />}
    </>
  );
}

type Submit = (data: FormData) => Promise<ApiResult<unknown> | ChangeErrors>;

/** One change form: checks on the device first, then the server's answer next to its field. */
function ChangeForm(props: {
  title: string;
  submitLabel: string;
  submit: Submit;
  success: string;
  onDone: (message: string) => void;
  children: (errors: ChangeErrors['fields']) => ReactNode;
}) {
  const [errors, setErrors] = useState<ChangeErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    let next: ChangeErrors = { fields: {} };
    try {
      const result = await props.submit(new FormData(form));
      if ('fields' in result) next = result;
      else if (!result.ok) next = changeErrors(result.failure);
    } catch {
      next = { fields: {}, form: SERVER_UNREACHABLE };
    } finally {
      setBusy(false);
    }
    setErrors(next);
    const first = Object.keys(next.fields)[0] as ChangeField | undefined;
    if (first) {
      const target = form.elements.namedItem(first);
      if (target instanceof HTMLElement) target.focus();
    } else if (!next.form) props.onDone(props.success);
  };

  return (
    <form
      className="account-form card"
      noValidate
      aria-label={props.title}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h3>{props.title}</h3>
      {props.children(errors.fields)}
      {errors.form && (
        <p role="alert" className="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : props.submitLabel}
      </button>
    </form>
  );
}

const text = (data: FormData, key: string) => String(data.get(key) ?? '');

function NameForm({ name, onDone }: { name?: string; onDone: (message: string) => void }) {
  return (
    <ChangeForm
      title="Change your name"
      submitLabel="Save name"
      success="Your name is changed. It is the name on your certificates unless you set another in Settings."
      onDone={onDone}
      submit={async (data) => {
        const next = text(data, 'name').trim();
        if (!next || next.length > 100)
          return { fields: { name: 'Enter your name (up to 100 characters).' } };
        return (await appSync.load()).account.updateAccount({ name: next });
      }}
    >
      {(errors) => (
        <TextField
          label="Display name"
          name="name"
          autoComplete="name"
          maxLength={100}
          defaultValue={name}
          error={errors.name}
        />
      )}
    </ChangeForm>
  );
}

function EmailForm({ onDone }: { onDone: (message: string) => void }) {
  return (
    <ChangeForm
      title="Change your email"
      submitLabel="Save email"
      success="Your email is changed. Use the new one to sign in from now on."
      onDone={onDone}
      submit={async (data) => {
        const email = text(data, 'email').trim();
        const currentPassword = text(data, 'currentPassword');
        const fields: ChangeErrors['fields'] = {};
        if (!/^[^\s@]+@[^\s@]+$/.test(email)) fields.email = 'Enter an email address like name@example.org.';
        if (!currentPassword) fields.currentPassword = 'Enter your current password.';
        if (Object.keys(fields).length > 0) return { fields };
        return (await appSync.load()).account.updateAccount({ email, currentPassword });
      }}
    >
      {(errors) => (
        <>
          <TextField label="New email" name="email" type="email" autoComplete="email" error={errors.email} />
          <PasswordField
            label="Current password"
            name="currentPassword"
            autoComplete="current-password"
            error={errors.currentPassword}
          />
        </>
      )}
    </ChangeForm>
  );
}

function PasswordForm({ onDone }: { onDone: (message: string) => void }) {
  const [signOutOthers, setSignOutOthers] = useState(true);
  return (
    <ChangeForm
      title="Change your password"
      submitLabel="Save password"
      success={
        signOutOthers
          ? 'Your password is changed, and your other devices are signed out. Sign in there with the new one.'
          : 'Your password is changed. Your other devices stay signed in.'
      }
      onDone={onDone}
      submit={async (data) => {
        const currentPassword = text(data, 'currentPassword');
        const newPassword = text(data, 'newPassword');
        const fields: ChangeErrors['fields'] = {};
        if (!currentPassword) fields.currentPassword = 'Enter your current password.';
        if (newPassword.length < MIN_PASSWORD || newPassword.length > 200)
          fields.newPassword = `Use ${MIN_PASSWORD} to 200 characters.`;
        if (Object.keys(fields).length > 0) return { fields };
        return (await appSync.load()).account.changePassword({
          currentPassword,
          newPassword,
          signOutOtherDevices: signOutOthers,
        });
      }}
    >
      {(errors) => (
        <>
          <PasswordField
            label="Current password"
            name="currentPassword"
            autoComplete="current-password"
            error={errors.currentPassword}
          />
          <NewPasswordField name="newPassword" error={errors.newPassword} />
          <p className="field field--check">
            <label>
              <input
                type="checkbox"
                name="signOutOtherDevices"
                checked={signOutOthers}
                onChange={(e) => setSignOutOthers(e.target.checked)}
              />{' '}
              Sign out my other devices
            </label>
          </p>
        </>
      )}
    </ChangeForm>
  );
}
