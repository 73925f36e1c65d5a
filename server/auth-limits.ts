// The auth rate-limit rules in one place: attempts per IP per minute on sign-up and sign-in; sign-up
// attempts and failed sign-ins per account (email) per 15 minutes. Checked before any password work,
// so a flood costs no scrypt time. Failed sign-ins and locked accounts are logged with a hashed account
// (never the email) and the client address, so an operator can see an attack without holding addresses.
import { createHash } from 'node:crypto';
import type { AppDeps } from './app-env';
import { HttpError } from './http-error';

const MINUTE = 60_000;
const ACCOUNT_WINDOW_MS = 15 * MINUTE;

export type AuthAction = 'signup' | 'signin';

/** A stable, non-reversible-at-a-glance id for an email in logs: the first 16 hex digits of its SHA-256. */
export function hashedAccount(email: string): string {
  return createHash('sha256').update(email).digest('hex').slice(0, 16);
}

const accountKey = (action: AuthAction, email: string) => `${action}:account:${email}`;

export const authLimits = {
  /** Counts this attempt against the caller's IP, or throws 429 when the IP is over its limit. */
  async ipAttempt({ limiter, config }: AppDeps, action: AuthAction, ip: string): Promise<void> {
    const { count, retryAfter } = await limiter.hit(`${action}:ip:${ip}`, MINUTE);
    if (count > config.authRatePerIpPerMin) throw limited(retryAfter);
  },
  /** Counts a sign-up for this account (email), or throws 429 when the account is over its limit. */
  async signupAttempt({ limiter, config }: AppDeps, email: string): Promise<void> {
    const { count, retryAfter } = await limiter.hit(accountKey('signup', email), ACCOUNT_WINDOW_MS);
    if (count > config.signinFailuresPerAccount) throw limited(retryAfter);
  },
  /** Throws 429 when this account has used up its failed sign-ins; returns the failures counted so far. */
  async checkSignin(deps: AppDeps, email: string, ip: string): Promise<number> {
    const { count, retryAfter } = await deps.limiter.peek(
      accountKey('signin', email),
      deps.config.signinFailuresPerAccount,
    );
    if (retryAfter > 0) {
      deps.logger.warn('sign-in refused: account locked', { account: hashedAccount(email), ip, retryAfter });
      throw limited(retryAfter);
    }
    return count;
  },
  async countSigninFailure(deps: AppDeps, email: string, ip: string): Promise<void> {
    const { count } = await deps.limiter.hit(accountKey('signin', email), ACCOUNT_WINDOW_MS);
    deps.logger.warn('sign-in failed', { account: hashedAccount(email), ip, failures: count });
    if (count === deps.config.signinFailuresPerAccount) {
      deps.logger.warn('account locked', {
        account: hashedAccount(email),
        ip,
        minutes: ACCOUNT_WINDOW_MS / MINUTE,
      });
    }
  },
  async clearSigninFailures({ limiter }: AppDeps, email: string): Promise<void> {
    await limiter.reset(accountKey('signin', email));
  },
};

function limited(retryAfter: number): HttpError {
  return new HttpError(429, 'rate_limited', `Too many attempts. Try again in ${retryAfter} s.`, {
    'Retry-After': String(retryAfter),
  });
}
