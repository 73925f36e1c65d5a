import { describe, expect, it } from 'vitest';
import { ACCOUNT_EMAIL_HINT, emailProblem } from '../../../src/features/account/form-errors';

describe('emailProblem', () => {
  it.each([
    ['name@example.org', undefined],
    ['  name@example.org  ', undefined],
    ['', 'Enter an email address like name@example.org.'],
    ['name', 'Enter an email address like name@example.org.'],
    ['name@', 'Enter an email address like name@example.org.'],
    ['@example.org', 'Enter an email address like name@example.org.'],
    ['na me@example.org', 'Enter an email address like name@example.org.'],
    ['name@@example.org', 'Enter an email address like name@example.org.'],
  ])('%j: %s', (email, problem) => {
    expect(emailProblem(email)).toBe(problem);
  });

  it('says the hint it is given, for forms about an account that already exists', () => {
    expect(emailProblem('name', ACCOUNT_EMAIL_HINT)).toBe('Enter the email address of your account.');
    expect(emailProblem('name@example.org', ACCOUNT_EMAIL_HINT)).toBeUndefined();
  });
});
