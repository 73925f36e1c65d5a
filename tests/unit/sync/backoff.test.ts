import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/sync/backoff';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('backoffDelay (full jitter)', () => {
  it.each([
    { attempt: 0, random: 0.999, retryAfterMs: 0, expected: 999 },
    { attempt: 0, random: 0, retryAfterMs: 0, expected: 0 },
    { attempt: 1, random: 0.5, retryAfterMs: 0, expected: 1_000 },
    { attempt: 3, random: 0.5, retryAfterMs: 0, expected: 4_000 },
    { attempt: 5, random: 0.25, retryAfterMs: 0, expected: 8_000 },
    // The cap: 2^6 s = 64 s is above the 60 s maximum.
    { attempt: 6, random: 0.5, retryAfterMs: 0, expected: 30_000 },
    { attempt: 1_000, random: 0.999_999, retryAfterMs: 0, expected: 59_999 },
    // A server's Retry-After is a floor, but never above the maximum wait.
    { attempt: 0, random: 0.1, retryAfterMs: 20_000, expected: 20_000 },
    { attempt: 0, random: 0.1, retryAfterMs: 600_000, expected: 60_000 },
    { attempt: -3, random: 0.5, retryAfterMs: 0, expected: 500 },
  ])('attempt $attempt, random $random, Retry-After $retryAfterMs → $expected ms', (row) => {
    expect(backoffDelay(row.attempt, () => row.random, policy, row.retryAfterMs)).toBe(row.expected);
  });

  it('stays within [0, cap) for every attempt', () => {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
      expect(backoffDelay(attempt, () => 0.999_999, policy)).toBeLessThan(cap);
      expect(backoffDelay(attempt, () => 0, policy)).toBe(0);
    }
  });
});
