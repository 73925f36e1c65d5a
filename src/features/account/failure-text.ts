// What to tell the learner when a recovery or data-rights call fails, in plain words. Pure, with a table test.
import type { ApiFailure } from '../../api/api-client';
import { refusedNewPassword, SERVER_UNREACHABLE } from './form-errors';

export type RecoveryCall = 'code' | 'leader' | 'email' | 'link' | 'password' | 'download';

function minutes(ms: number | undefined): string {
  const n = ms === undefined ? 5 : Math.max(1, Math.ceil(ms / 60_000));
  return `${n} ${n === 1 ? 'minute' : 'minutes'}`;
}

export function failureText(failure: ApiFailure, call: RecoveryCall): string {
  if (failure.kind === 'network') return SERVER_UNREACHABLE;
  if (failure.kind === 'rate-limited')
    return `Too many tries. Wait ${minutes(failure.retryAfterMs)} and try again.`;
  if (failure.code === 'wrong_password') return 'That is not your current password.';
  if (failure.code === 'invalid_recovery_code') {
    return 'The email or recovery code is not right. Check the code (each one works only once) and try again.';
  }
  if (failure.code === 'invalid_leader_reset_code') {
    return 'The email or reset code is not right, or the code has expired or been replaced. Check it with your team leader, who can make a new one.';
  }
  if (failure.code === 'reset_link_invalid') {
    return 'This link has expired or has already been used. Ask for a new one, or use a recovery code.';
  }
  if (failure.code === 'email_reset_unavailable') {
    return 'This server does not send email. Use one of your recovery codes instead.';
  }
  if (failure.kind === 'unauthorized') {
    if (call === 'leader') return 'The email or reset code is not right.';
    return call === 'code'
      ? 'The email or recovery code is not right.'
      : 'Your session has ended. Sign in again.';
  }
  if (failure.kind === 'server' || failure.kind === 'too-large') {
    return 'The server had a problem. Please try again in a moment.';
  }
  return failure.message;
}

/** A password reset that failed: a refused new password goes next to its field, anything else above the button. */
export function resetErrors(
  failure: ApiFailure,
  call: 'code' | 'leader' | 'link',
): { password?: string; form?: string } {
  const password = refusedNewPassword(failure);
  return password ? { password } : { form: failureText(failure, call) };
}
