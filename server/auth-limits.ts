// The auth rate-limit rules in one place. Attempts per address per minute on sign-up and sign-in, and
// sign-up attempts per email per 15 minutes (fixed windows, server/rate-limiter.ts), checked before any
// password work so a flood costs no scrypt time. Failed sign-ins slow the guesser with growing delays
// (server/auth-throttle.ts) per account at an address, per address and per account, where the account's
// delay spares addresses and devices its owner has signed in from: five wrong passwords never keep the
// owner out. docs/accounts.md has the model. Logs name a hashed account (never the email) and the address.
import { createHash } from 'node:crypto';
import type { AppDeps } from './app-env';
import { type AuthThrottle, createAuthThrottle, throttleRules } from './auth-throttle';
import { HttpError } from './http-error';

const MINUTE = 60_000;
const SIGNUP_WINDOW_MS = 15 * MINUTE;
const REAUTH_WINDOW_MS = 15 * MINUTE;
/** An address the owner signed in from counts as theirs this long after the last sign-in from it. */
const KNOWN_ADDRESS_MS = 90 * 24 * 60 * MINUTE;

export type AuthAction = 'signup' | 'signin';

/** A stable, non-reversible-at-a-glance id for an email in logs: the first 16 hex digits of its SHA-256. */
export function hashedAccount(email: string): string {
  return createHash('sha256').update(email).digest('hex').slice(0, 16);
}

// Keys carry a hashed account, so the table holds no email; the address is kept for a day at most
// (a known address only inside a hash).
const keys = (email: string, ip: string) => {
  const account = hashedAccount(email);
  return {
    pair: `pair:${account}:${ip}`,
    address: `address:${ip}`,
    account: `account:${account}`,
    known: `known:${createHash('sha256').update(`${email}\n${ip}`).digest('hex').slice(0, 32)}`,
  };
};

/**
 * The throttle rows an account's deletion removes: its own key and its per-address keys. A `known:` row is
 * a hash of the email with an address, which cannot be found from the email alone; it expires in 90 days.
 */
export function accountThrottleKeys(email: string): { key: string; prefix: string } {
  const account = hashedAccount(email);
  return { key: `account:${account}`, prefix: `pair:${account}:` };
}

const reauthKey = (learnerId: string) => `reauth:learner:${learnerId}`;

// One throttle per app (its database and clock), made on first use.
const throttles = new WeakMap<AppDeps, AuthThrottle>();
function throttleOf(deps: AppDeps): AuthThrottle {
  let throttle = throttles.get(deps);
  if (!throttle) {
    throttle = createAuthThrottle(deps.db, deps.clock);
    throttles.set(deps, throttle);
  }
  return throttle;
}

export const authLimits = {
  /** Counts this attempt against the caller's IP, or throws 429 when the IP is over its limit. */
  async ipAttempt({ limiter, config }: AppDeps, action: AuthAction, ip: string): Promise<void> {
    const { count, retryAfter } = await limiter.hit(`${action}:ip:${ip}`, MINUTE);
    if (count > config.authRatePerIpPerMin) throw limited(retryAfter);
  },
  /** Counts a sign-up for this account (email), or throws 429 when the account is over its limit. */
  async signupAttempt({ limiter, config }: AppDeps, email: string): Promise<void> {
    const { count, retryAfter } = await limiter.hit(`signup:account:${email}`, SIGNUP_WINDOW_MS);
    if (count > config.signinFailuresPerAccount) throw limited(retryAfter);
  },
  /**
   * Throws 429 with Retry-After while this attempt must wait: its address on this account, its address,
   * or (unless `knownDevice`, or the address is one the owner signed in from) the account as a whole.
   */
  async checkSignin(deps: AppDeps, email: string, ip: string, knownDevice: boolean): Promise<void> {
    const throttle = throttleOf(deps);
    const k = keys(email, ip);
    const known = knownDevice || (await throttle.has(k.known));
    const refused = await throttle.refused(known ? [k.pair, k.address] : [k.pair, k.address, k.account]);
    if (refused) {
      deps.logger.warn('sign-in refused: too many failures', {
        account: hashedAccount(email),
        ip,
        by: refused.key.split(':')[0],
        retryAfter: refused.retryAfter,
      });
      throw limited(refused.retryAfter);
    }
  },
  async countSigninFailure(deps: AppDeps, email: string, ip: string): Promise<void> {
    const throttle = throttleOf(deps);
    const k = keys(email, ip);
    const pair = await throttle.fail(k.pair, throttleRules.pair);
    const address = await throttle.fail(k.address, throttleRules.address);
    const account = await throttle.fail(k.account, throttleRules.account);
    deps.logger.warn('sign-in failed', {
      account: hashedAccount(email),
      ip,
      failures: pair,
      addressFailures: address,
      accountFailures: account,
    });
  },
  /**
   * A signed-in route asking for the password again (server/account/confirm-password.ts): the sign-in
   * slow-down for this account at this address and for the address. The session's device is the owner's, so
   * the account-wide delay does not apply; in its place, a stolen session moved from address to address gets
   * at most SIGNIN_FAILURES_PER_ACCOUNT wrong passwords per account per 15 minutes.
   */
  async checkReauth(deps: AppDeps, learner: { id: string; email: string }, ip: string): Promise<void> {
    await authLimits.checkSignin(deps, learner.email, ip, true);
    const { retryAfter } = await deps.limiter.peek(
      reauthKey(learner.id),
      deps.config.signinFailuresPerAccount,
    );
    if (retryAfter > 0) throw limited(retryAfter);
  },
  async countReauthFailure(deps: AppDeps, learner: { id: string; email: string }, ip: string): Promise<void> {
    await authLimits.countSigninFailure(deps, learner.email, ip);
    await deps.limiter.hit(reauthKey(learner.id), REAUTH_WINDOW_MS);
  },
  /** The owner is in: this address stops waiting for its own failures and counts as theirs. */
  async signinSucceeded(deps: AppDeps, email: string, ip: string): Promise<void> {
    const throttle = throttleOf(deps);
    const k = keys(email, ip);
    await throttle.clear(k.pair);
    await throttle.remember(k.known, KNOWN_ADDRESS_MS);
  },
};

export function limited(retryAfter: number): HttpError {
  return new HttpError(429, 'rate_limited', `Too many attempts. Try again in ${retryAfter} s.`, {
    'Retry-After': String(retryAfter),
  });
}
