import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { appSync } from '../../sync/app-sync';
import { resetErrors } from './failure-text';
import { MIN_PASSWORD, SERVER_UNREACHABLE } from './form-errors';
import { NewPasswordField } from './password-field';
import { ResetDone } from './reset-done';

/** Opened from the reset email: choose a new password. */
export function ResetPasswordPage() {
  const { hash, pathname } = useLocation();
  const navigate = useNavigate();
  // Read once from the fragment (`#token=…`), then taken out of the address, so it does not stay in the
  // history or show on a screen someone photographs.
  const [token] = useState(() => new URLSearchParams(hash.slice(1)).get('token') ?? '');
  useEffect(() => {
    if (hash) void navigate(pathname, { replace: true });
  }, [hash, pathname, navigate]);
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const focusPassword = () => {
    const field = formRef.current?.elements.namedItem('password');
    if (field instanceof HTMLElement) field.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    if (password.length < MIN_PASSWORD) {
      setError({ field: `Use at least ${MIN_PASSWORD} characters.` });
      focusPassword();
      return;
    }
    setBusy(true);
    setError({});
    try {
      const result = await (await appSync.load()).recovery.resetWithToken({ token, password });
      if (result.ok) setDone(true);
      else {
        const refused = resetErrors(result.failure, 'link');
        setError({ field: refused.password, form: refused.form });
        if (refused.password) focusPassword();
      }
    } catch {
      setError({ form: SERVER_UNREACHABLE });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title="Choose a new password" />
      {done ? (
        <ResetDone byCode={false} />
      ) : !token ? (
        <p role="alert" className="alert">
          This page needs the link from your reset email. Open the link in the email again, or{' '}
          <Link to="/settings/sync/forgot">ask for a new one</Link>.
        </p>
      ) : (
        <section className="card" aria-labelledby="new-password-title">
          <h2 id="new-password-title">Your new password</h2>
          <p>Setting it signs your account out on every other device.</p>
          <form ref={formRef} className="account-form" noValidate onSubmit={(e) => void submit(e)}>
            <NewPasswordField name="password" error={error.field} />
            {error.form && (
              <p role="alert" className="alert">
                {error.form} <Link to="/settings/sync/forgot">Ask for a new link</Link>
              </p>
            )}
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Setting your password…' : 'Set my new password'}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
