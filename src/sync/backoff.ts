// Retry delays after a network error, a 5xx or a 429. Full jitter (a uniform pick between 0 and the
// exponential cap) spreads a classroom of devices that all came back online at the same moment.

export type BackoffPolicy = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * The delay before retry number `attempt` (0 for the first retry). `random` returns [0, 1), like
 * Math.random; a server's Retry-After, when given, is a floor so we never come back sooner than asked.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  retryAfterMs = 0,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * cap);
  return Math.max(jittered, Math.min(retryAfterMs, policy.maxMs));
}
