import { describe, expect, it } from 'vitest';
import type { ApiFailure } from '../../../src/api/api-client';
import { changeErrors } from '../../../src/features/account/change-errors';
import { errorsFromFailure, SERVER_UNREACHABLE } from '../../../src/features/account/form-errors';

const failure = (over: Partial<ApiFailure>): ApiFailure => ({
  kind: 'rejected',
  status: 400,
  code: 'invalid_request',
  message: '',
  ...over,
});

describe('changeErrors', () => {
  it.each<[string, Partial<ApiFailure>, ReturnType<typeof changeErrors>]>([
    [
      'a wrong current password',
      { status: 403, code: 'wrong_password' },
      { fields: { currentPassword: 'Your current password is not right.' } },
    ],
    [
      'a common new password',
      { code: 'common_password' },
      { fields: { newPassword: expect.stringContaining('most common passwords') } },
    ],
    [
      'an email in use',
      { status: 409, code: 'email_taken' },
      { fields: { email: 'Another account already uses this email.' } },
    ],
    [
      'the server’s field reasons',
      { message: 'email: Invalid email address; newPassword: Too small' },
      {
        fields: {
          email: 'Enter an email address like name@example.org.',
          newPassword: 'Use 10 to 200 characters.',
        },
      },
    ],
    [
      'no connection',
      { kind: 'network', status: 0, code: 'network' },
      { fields: {}, form: SERVER_UNREACHABLE },
    ],
    [
      'a slow-down',
      { kind: 'rate-limited', status: 429, code: 'rate_limited', retryAfterMs: 4000 },
      { fields: {}, form: 'Too many tries. Wait 4 seconds and try again.' },
    ],
    [
      'a long slow-down',
      { kind: 'rate-limited', status: 429, code: 'rate_limited', retryAfterMs: 900_000 },
      { fields: {}, form: 'Too many tries. Wait 15 minutes and try again.' },
    ],
    [
      'a lost session',
      { kind: 'unauthorized', status: 401, code: 'unauthorized' },
      { fields: {}, form: 'Your session has ended. Sign in again, then make the change.' },
    ],
  ])('%s', (_, over, expected) => {
    expect(changeErrors(failure(over))).toEqual(expected);
  });
});

describe('errorsFromFailure', () => {
  it.each([
    [2000, 'Too many tries. Wait 2 seconds and try again.'],
    [60_000, 'Too many tries. Wait 1 minute and try again.'],
    [300_000, 'Too many tries. Wait 5 minutes and try again.'],
  ])('says how long to wait after %i ms', (retryAfterMs, text) => {
    expect(
      errorsFromFailure(failure({ kind: 'rate-limited', status: 429, retryAfterMs }), 'sign-in').form,
    ).toBe(text);
  });

  it('puts a common password next to the password field at sign-up', () => {
    expect(errorsFromFailure(failure({ code: 'common_password' }), 'create').fields.password).toContain(
      'one of the most common passwords',
    );
  });
});
