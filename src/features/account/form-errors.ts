// Field and form messages for the account forms: first what the device can check itself, then the server's
// 4xx reasons turned into plain words next to the field they are about. Pure, with a table test.
import type { ApiFailure } from '../../api/api-client';
import { COMMON_PASSWORD_CODE } from '../../shared/protocol/account-codes';

export type Field = 'email' | 'name' | 'password';
export type FormErrors = {
  fields: Partial<Record<Field, string>>;
  form?: string;
  /** The email already has an account: offer to sign in instead. */
  emailTaken?: boolean;
};
export type AccountForm = 'create' | 'sign-in';

export const MIN_PASSWORD = 10;

const EMAIL_HINT = 'Enter an email address like name@example.org.';
const FIELD_TEXT: Record<Field, string> = {
  email: EMAIL_HINT,
  name: 'Enter the name you want to see in the app (up to 100 characters).',
  password: `Use at least ${MIN_PASSWORD} characters.`,
};

export const noErrors: FormErrors = { fields: {} };

/** What the recovery forms say when the email of an existing account is not one as typed. */
export const ACCOUNT_EMAIL_HINT = 'Enter the email address of your account.';

/**
 * What is wrong with an email as typed, or nothing. The device asks only for one @ with text either side;
 * the server checks the rest and its reason is shown at the field too.
 */
export function emailProblem(email: string, hint: string = EMAIL_HINT): string | undefined {
  return /^[^\s@]+@[^\s@]+$/.test(email.trim()) ? undefined : hint;
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.form !== undefined || Object.keys(errors.fields).length > 0;
}

export function checkForm(
  form: AccountForm,
  values: { email: string; name?: string; password: string },
): FormErrors {
  const fields: FormErrors['fields'] = {};
  const email = emailProblem(values.email);
  if (email) fields.email = email;
  if (form === 'create') {
    if (!values.name?.trim()) fields.name = 'Enter your name.';
    if (values.password.length < MIN_PASSWORD) fields.password = FIELD_TEXT.password;
  } else if (!values.password) {
    fields.password = 'Enter your password.';
  }
  return { fields };
}

/** The server's 400 reasons read `email: Invalid email address; password: …`; each goes to its field. */
function fieldsFromReasons(message: string, form: AccountForm): FormErrors {
  const fields: FormErrors['fields'] = {};
  const other: string[] = [];
  for (const part of message.split(';').map((p) => p.trim())) {
    const field = part.split(':')[0]?.trim();
    if (field === 'email' || field === 'name' || field === 'password') {
      fields[field] =
        field === 'password' && /200|too big|at most/i.test(part)
          ? 'Use at most 200 characters.'
          : field === 'password' && form === 'sign-in'
            ? 'Enter your password.'
            : FIELD_TEXT[field];
    } else if (part) other.push(part);
  }
  return other.length > 0
    ? { fields, form: `The server could not accept this: ${other.join('; ')}` }
    : { fields };
}

/** How long to wait, as the server's Retry-After says: seconds under a minute (the first slow-downs are short). */
export function waitText(ms: number | undefined): string {
  if (ms === undefined) return 'a few minutes';
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const n = Math.ceil(seconds / 60);
  return `${n} ${n === 1 ? 'minute' : 'minutes'}`;
}

/** The server refused a new password as one of the most common. */
export const COMMON_PASSWORD_TEXT =
  'This is one of the most common passwords, which are guessed first. Choose another: a short sentence is easy to remember and hard to guess.';

/**
 * The server (or the part of the app that talks to it, not yet cached) could not be reached. Said plainly,
 * with what matters most to a learner who has been working offline: nothing on the phone is lost.
 */
export const SERVER_UNREACHABLE =
  "Can't reach the server. Check your connection and try again. Nothing on this phone is lost: your progress stays on this device and you can keep learning.";

/**
 * What to say next to a new-password field when the server refused the password itself: one of the most
 * common, or not 10 to 200 characters (its 400 reason names `password`). Sign-up, a password change and
 * every reset read it here, so a refused password always shows next to the field, never as a form message.
 */
export function refusedNewPassword(failure: ApiFailure): string | undefined {
  if (failure.code === COMMON_PASSWORD_CODE) return COMMON_PASSWORD_TEXT;
  if (
    failure.status === 400 &&
    failure.code === 'invalid_request' &&
    /(^|;)\s*password:/.test(failure.message)
  )
    return /200|too big|at most/i.test(failure.message)
      ? 'Use at most 200 characters.'
      : `Use at least ${MIN_PASSWORD} characters.`;
  return undefined;
}

export function errorsFromFailure(failure: ApiFailure, form: AccountForm): FormErrors {
  switch (failure.kind) {
    case 'network':
      return { fields: {}, form: SERVER_UNREACHABLE };
    case 'rate-limited':
      return { fields: {}, form: `Too many tries. Wait ${waitText(failure.retryAfterMs)} and try again.` };
    case 'unauthorized':
      return { fields: {}, form: 'The email or password is not right.' };
    case 'server':
    case 'too-large':
      return { fields: {}, form: 'The server had a problem. Please try again in a moment.' };
    case 'rejected':
      if (failure.status === 409 && form === 'create')
        return { fields: { email: 'This email already has an account. Sign in instead.' }, emailTaken: true };
      if (failure.code === COMMON_PASSWORD_CODE) return { fields: { password: COMMON_PASSWORD_TEXT } };
      if (failure.status === 400 && failure.code === 'invalid_request')
        return fieldsFromReasons(failure.message, form);
      return { fields: {}, form: failure.message };
  }
}
