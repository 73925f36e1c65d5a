import { describe, expect, it } from 'vitest';
import type { ApiFailure } from '../../../src/api/api-client';
import { failureText, type RecoveryCall, resetErrors } from '../../../src/features/account/failure-text';
import { formatLeaderResetCode, isLeaderResetCode } from '../../../src/shared/protocol/leader-reset-protocol';
import { formatRecoveryCode, normaliseRecoveryCode } from '../../../src/shared/protocol/recovery-protocol';

const failure = (over: Partial<ApiFailure>): ApiFailure => ({
  kind: 'rejected',
  status: 400,
  code: 'invalid_request',
  message: '',
  ...over,
});

describe('failureText', () => {
  it.each<[string, Partial<ApiFailure>, RecoveryCall, RegExp]>([
    ['offline', { kind: 'network', status: 0, code: 'network' }, 'code', /Can't reach the server/],
    ['too many tries', { kind: 'rate-limited', status: 429, retryAfterMs: 61_000 }, 'code', /Wait 2 minutes/],
    ['wrong password', { status: 403, code: 'wrong_password' }, 'password', /not your current password/],
    [
      'wrong code',
      { kind: 'unauthorized', status: 401, code: 'invalid_recovery_code' },
      'code',
      /recovery code is not right/,
    ],
    [
      'wrong leader code',
      { kind: 'unauthorized', status: 401, code: 'invalid_leader_reset_code' },
      'leader',
      /reset code is not right.*team leader/,
    ],
    ['used link', { code: 'reset_link_invalid' }, 'link', /expired or has already been used/],
    [
      'no mail',
      { kind: 'server', status: 501, code: 'email_reset_unavailable' },
      'email',
      /does not send email/,
    ],
    [
      'session ended',
      { kind: 'unauthorized', status: 401, code: 'unauthorized' },
      'download',
      /Sign in again/,
    ],
    ['server trouble', { kind: 'server', status: 500, code: 'internal' }, 'download', /server had a problem/],
  ])('%s', (_, over, call, expected) => {
    expect(failureText(failure(over), call)).toMatch(expected);
  });
});

describe('resetErrors', () => {
  it.each<[string, Partial<ApiFailure>, 'code' | 'leader' | 'link', ReturnType<typeof resetErrors>]>([
    [
      'a common password, by recovery code',
      { code: 'common_password', message: 'password: this is one of the most common passwords' },
      'code',
      { password: expect.stringContaining('most common passwords') },
    ],
    [
      'a common password, by a leader’s code',
      { code: 'common_password', message: 'password: this is one of the most common passwords' },
      'leader',
      { password: expect.stringContaining('most common passwords') },
    ],
    [
      'a common password, by the emailed link',
      { code: 'common_password', message: 'password: this is one of the most common passwords' },
      'link',
      { password: expect.stringContaining('most common passwords') },
    ],
    [
      'a password too long',
      { message: 'password: String must contain at most 200 character(s)' },
      'link',
      { password: 'Use at most 200 characters.' },
    ],
    [
      'a password too short',
      { message: 'email: Invalid email; password: String must contain at least 10 character(s)' },
      'code',
      { password: 'Use at least 10 characters.' },
    ],
    [
      'a wrong code is about the form, not the password',
      { kind: 'unauthorized', status: 401, code: 'invalid_recovery_code', message: 'password or code' },
      'code',
      { form: expect.stringMatching(/recovery code is not right/) },
    ],
    [
      'a spent link',
      { code: 'reset_link_invalid' },
      'link',
      { form: expect.stringMatching(/expired or has already been used/) },
    ],
    [
      'offline',
      { kind: 'network', status: 0, code: 'network' },
      'leader',
      { form: expect.stringMatching(/Can't reach/) },
    ],
  ])('%s', (_, over, call, expected) => {
    expect(resetErrors(failure(over), call)).toEqual(expected);
  });
});

describe('recovery codes as typed', () => {
  it.each([
    ['7kq2-m9xd-40tr', '7KQ2M9XD40TR'],
    [' 7KQ2 M9XD 4OTR ', '7KQ2M9XD40TR'],
    ['ilL1-0000-AAAA', '11110000AAAA'],
  ])('%j reads as %s', (typed, code) => {
    expect(normaliseRecoveryCode(typed)).toBe(code);
  });
  it('is shown in groups of four', () => {
    expect(formatRecoveryCode('7KQ2M9XD40TR')).toBe('7KQ2-M9XD-40TR');
  });
});

describe('leader reset codes as typed', () => {
  it.each([
    ['ABCDE-23456', true],
    ['abcde 23456', true],
    [' abcde23456 ', true],
    ['ABCDE-2345', false],
    ['ABCDE-234567', false],
    // 0, O, 1, I and L are never in a code: a typed one is a misreading to check with the leader.
    ['ABCDE-2345O', false],
    ['ABCDE-2345I', false],
  ])('%j is a code: %s', (typed, ok) => {
    expect(isLeaderResetCode(typed)).toBe(ok);
  });
  it('is shown in two groups of five', () => {
    expect(formatLeaderResetCode('ABCDE23456')).toBe('ABCDE-23456');
  });
});
