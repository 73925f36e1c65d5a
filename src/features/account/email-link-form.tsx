import { type FormEvent, useRef, useState } from 'react';
import { TextField } from '../../components/text-field';
import { RESET_LINK_MINUTES } from '../../shared/protocol/recovery-protocol';
import { appSync } from '../../sync/app-sync';
import { failureText } from './failure-text';
import { ACCOUNT_EMAIL_HINT, emailProblem, SERVER_UNREACHABLE } from './form-errors';

/** Asks the server to email a link to choose a new password (shown only when the server sends mail). */
export function EmailLinkForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<{ email?: string; form?: string }>({});
  const [sentTo, setSentTo] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const problem = emailProblem(email, ACCOUNT_EMAIL_HINT);
    if (problem) {
      setErrors({ email: problem });
      const field = formRef.current?.elements.namedItem('email');
      if (field instanceof HTMLElement) field.focus();
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
