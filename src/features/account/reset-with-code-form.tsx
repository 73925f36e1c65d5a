import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import type { ApiResult } from '../../api/api-client';
import { TextField } from '../../components/text-field';
import { resetErrors } from './failure-text';
import { ACCOUNT_EMAIL_HINT, emailProblem, MIN_PASSWORD, SERVER_UNREACHABLE } from './form-errors';
import { NewPasswordField } from './password-field';

type Field = 'email' | 'code' | 'password';
type Errors = Partial<Record<Field, string>> & { form?: string };
type Reset = { email: string; code: string; password: string };

type Props = {
  /** The card's heading, and the id its section is labelled by. */
  title: string;
  titleId: string;
  /** Where the code comes from and how long it works. */
  intro: ReactNode;
  codeLabel: string;
  codeHint: string;
  /** What is wrong with the code as typed, checked on the device before anything is sent. */
  checkCode: (code: string) => string | undefined;
  /** The server's reset; its failure wording is the one for `call`. */
  reset: (values: Reset) => Promise<ApiResult<unknown>>;
  call: 'code' | 'leader';
  onDone: () => void;
};

function focusFirst(form: HTMLFormElement | null, errors: Errors) {
  const name = (['email', 'code', 'password'] as const).find((f) => errors[f]);
  const field = name ? form?.elements.namedItem(name) : null;
  if (field instanceof HTMLElement) field.focus();
}

/** Email, a one-time code and a new password: the recovery-code and the team leader's-code resets. */
export function ResetWithCodeForm({
  title,
  titleId,
  intro,
  codeLabel,
  codeHint,
  checkCode,
  reset,
  call,
  onDone,
}: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const show = (next: Errors) => {
    setErrors(next);
    focusFirst(formRef.current, next);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const code = String(data.get('code') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const checked: Errors = {};
    const emailError = emailProblem(email, ACCOUNT_EMAIL_HINT);
    if (emailError) checked.email = emailError;
    const codeError = checkCode(code);
    if (codeError) checked.code = codeError;
    if (password.length < MIN_PASSWORD) checked.password = `Use at least ${MIN_PASSWORD} characters.`;
    show(checked);
    if (Object.keys(checked).length > 0) return;
    setBusy(true);
    try {
      const result = await reset({ email, code, password });
      if (result.ok) onDone();
      else show(resetErrors(result.failure, call));
    } catch {
      setErrors({ form: SERVER_UNREACHABLE });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {intro}
      <form ref={formRef} className="account-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField label="Email" name="email" type="email" autoComplete="username" error={errors.email} />
        <TextField
          label={codeLabel}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          hint={codeHint}
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
