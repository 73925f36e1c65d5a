import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { COMMON_PASSWORD_CODE } from '../../shared/protocol/account-codes';
import { isLeaderResetCode } from '../../shared/protocol/leader-reset-protocol';
import { RESET_LINK_MINUTES, type ResetOptions } from '../../shared/protocol/recovery-protocol';
import { appSync } from '../../sync/app-sync';
import { failureText } from './failure-text';
import { COMMON_PASSWORD_TEXT, MIN_PASSWORD, SERVER_UNREACHABLE } from './form-errors';
import { NewPasswordField } from './password-field';
import { ResetDone } from './reset-done';
import { TextField } from './text-field';
import './account.css';

type Errors = { email?: string; code?: string; password?: string; form?: string };
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function focusFirst(form: HTMLFormElement | null, errors: Errors) {
  const name = (['email', 'code', 'password'] as const).find((f) => errors[f]);
  const field = name ? form?.elements.namedItem(name) : null;
  if (field instanceof HTMLElement) field.focus();
}

/**
 * "Forgotten your password?": a recovery code and a new password, a one-time code from a team leader and a
 * new password, or (when the server sends mail) a link by email.
 */
export function ForgotPasswordPage() {
  const [options, setOptions] = useState<ResetOptions | 'unreachable' | null>(null);
  const [way, setWay] = useState<'code' | 'leader' | 'email'>('code');
  const [done, setDone] = useState<'code' | 'leader' | null>(null);

  useEffect(() => {
    let live = true;
    appSync
      .load()
      .then((sync) => sync.recovery.resetOptions())
      .then((result) => live && setOptions(result.ok ? result.value : 'unreachable'))
      .catch(() => live && setOptions('unreachable'));
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHeading title="Forgotten your password?" />
      {done ? (
        <ResetDone byCode={done === 'code'} />
      ) : (
        <>
          <p>
            Nothing on this device is lost meanwhile: you can keep learning, and everything waits here to
            sync.
          </p>
          {options === 'unreachable' && (
            <p role="alert" className="alert">
              {SERVER_UNREACHABLE}
            </p>
          )}
          <div className="segmented">
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={way === 'code'}
              onClick={() => setWay('code')}
            >
              Use a recovery code
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={way === 'leader'}
              onClick={() => setWay('leader')}
            >
              A code from my team leader
            </button>
            {options !== null && options !== 'unreachable' && options.email && (
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={way === 'email'}
                onClick={() => setWay('email')}
              >
                Email me a link
              </button>
            )}
          </div>
          {way === 'code' ? (
            <RecoveryCodeForm onDone={() => setDone('code')} />
          ) : way === 'leader' ? (
            <LeaderCodeForm onDone={() => setDone('leader')} />
          ) : (
            <EmailLinkForm />
          )}
          <p>
            No codes, and no email? If you are in a team, ask its leader (often your SENCO) for a reset code.
            Otherwise ask the person who runs Pocket CPD for your school or setting: they can set a new
            password for you after checking who you are. <Link to="/settings/sync">Back to sign in</Link>
          </p>
        </>
      )}
    </>
  );
}

function RecoveryCodeForm({ onDone }: { onDone: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const code = String(data.get('code') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const checked: Errors = {};
    if (!EMAIL.test(email)) checked.email = 'Enter the email address of your account.';
    if (!code) checked.code = 'Enter one of your recovery codes.';
    if (password.length < MIN_PASSWORD) checked.password = `Use at least ${MIN_PASSWORD} characters.`;
    setErrors(checked);
    if (Object.keys(checked).length > 0) {
      focusFirst(formRef.current, checked);
      return;
    }
    setBusy(true);
    try {
      const result = await (await appSync.load()).recovery.resetWithRecoveryCode({ email, code, password });
      if (result.ok) onDone();
      else setErrors({ form: failureText(result.failure, 'code') });
    } catch {
      setErrors({ form: SERVER_UNREACHABLE });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="code-title">
      <h2 id="code-title">Use a recovery code</h2>
      <p>Use one of the ten codes you printed or saved when you made your account. Each code works once.</p>
      <form ref={formRef} className="account-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField label="Email" name="email" type="email" autoComplete="username" error={errors.email} />
        <TextField
          label="Recovery code"
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          hint="Like 7KQ2-M9XD-40TR. Capitals and hyphens do not matter."
          error={errors.code}
        />
        <NewPasswordField name="password" error={errors.password} />
        {errors.form && (
          <p role="alert" className="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Checking your code…' : 'Set my new password'}
        </button>
      </form>
    </section>
  );
}

function LeaderCodeForm({ onDone }: { onDone: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const code = String(data.get('code') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const checked: Errors = {};
    if (!EMAIL.test(email)) checked.email = 'Enter the email address of your account.';
    if (!code) checked.code = 'Enter the code your team leader gave you.';
    else if (!isLeaderResetCode(code))
      checked.code = 'A reset code has 10 letters and digits, like ABCDE-23456. Check it with your leader.';
    if (password.length < MIN_PASSWORD) checked.password = `Use at least ${MIN_PASSWORD} characters.`;
    setErrors(checked);
    if (Object.keys(checked).length > 0) {
      focusFirst(formRef.current, checked);
      return;
    }
    setBusy(true);
    try {
      const result = await (await appSync.load()).recovery.resetWithLeaderCode({ email, code, password });
      if (result.ok) onDone();
      else if (result.failure.code === COMMON_PASSWORD_CODE) {
        const refused = { password: COMMON_PASSWORD_TEXT };
        setErrors(refused);
        focusFirst(formRef.current, refused);
      } else setErrors({ form: failureText(result.failure, 'leader') });
    } catch {
      setErrors({ form: SERVER_UNREACHABLE });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="leader-code-title">
      <h2 id="leader-code-title">A code from my team leader</h2>
      <p>
        The leader of your team (often your SENCO) can make you a one-time reset code from your page on their
        team dashboard. It works once, for a day. Your leader never sees your new password.
      </p>
      <form ref={formRef} className="account-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField label="Email" name="email" type="email" autoComplete="username" error={errors.email} />
        <TextField
          label="Reset code"
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          hint="Like ABCDE-23456. Capitals, spaces and hyphens do not matter."
          error={errors.code}
        />
        <NewPasswordField name="password" error={errors.password} />
        {errors.form && (
          <p role="alert" className="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Checking your code…' : 'Set my new password'}
        </button>
      </form>
    </section>
  );
}

function EmailLinkForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [sentTo, setSentTo] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    if (!EMAIL.test(email)) {
      const checked = { email: 'Enter the email address of your account.' };
      setErrors(checked);
      focusFirst(formRef.current, checked);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await (await appSync.load()).recovery.emailResetLink(email);
      if (result.ok) setSentTo(email);
      else setErrors({ form: failureText(result.failure, 'email') });
    } catch {
      setErrors({ form: SERVER_UNREACHABLE });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="email-title">
      <h2 id="email-title">Email me a link</h2>
      <p role="status">
        {sentTo
          ? `If an account uses ${sentTo}, a link to choose a new password is on its way. It works once, for ${RESET_LINK_MINUTES} minutes. Check your junk folder too.`
          : ''}
      </p>
      <form ref={formRef} className="account-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField label="Email" name="email" type="email" autoComplete="username" error={errors.email} />
        {errors.form && (
          <p role="alert" className="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Sending…' : sentTo ? 'Send another link' : 'Send me a link'}
        </button>
      </form>
    </section>
  );
}
