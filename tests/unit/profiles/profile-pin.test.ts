import { describe, expect, it } from 'vitest';
import { hashPin, pinMatches, pinProblem } from '../../../src/features/profiles/profile-pin';

describe('what a PIN may be', () => {
  it.each([
    ['', 'Enter a PIN of 4 to 8 digits.'],
    ['123', 'A PIN is 4 to 8 digits.'],
    ['123456789', 'A PIN is 4 to 8 digits.'],
    ['12a4', 'A PIN is digits only (0 to 9).'],
    [' 1234', 'A PIN is digits only (0 to 9).'],
    ['١٢٣٤', 'A PIN is digits only (0 to 9).'],
    ['1234', null],
    ['00000000', null],
  ])('%j → %j', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });
});

describe('a stored PIN', () => {
  const salt = new Uint8Array(16).fill(7);
  // A low count keeps the table quick; the stored count is what checking uses.
  const iterations = 1000;

  it('keeps neither the digits nor the same hash for another salt', async () => {
    const stored = await hashPin('4821', salt, crypto.subtle, iterations);
    expect(JSON.stringify(stored)).not.toContain('4821');
    expect(stored.iterations).toBe(iterations);
    const salted = await hashPin('4821', new Uint8Array(16).fill(8), crypto.subtle, iterations);
    expect(salted.hash).not.toBe(stored.hash);
  });

  it.each([
    ['4821', true],
    ['4822', false],
    ['48210', false],
    ['', false],
  ])('checked with %j matches: %s', async (attempt, matches) => {
    const stored = await hashPin('4821', salt, crypto.subtle, iterations);
    expect(await pinMatches(attempt, stored)).toBe(matches);
  });
});
