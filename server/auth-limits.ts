// The auth rate-limit rules in one place: attempts per IP per minute on sign-up and sign-in; sign-up
// attempts and failed sign-ins per account (email) per 15 minutes. Checked before any password work,
// so a flood costs no scrypt time.
import type { AppDeps } from './app-env';
import { HttpError } from './http-error';

const MINUTE = 60_000;
const ACCOUNT_WINDOW_MS = 15 * MINUTE;

export type AuthAction = 'signup' | 'signin';

export const authLimits = {
  /** Counts this attempt against the caller's IP, or throws 429 when the IP is over its limit. */
  ipAttempt({ limiter, config }: AppDeps, action: AuthAction, ip: string): void {
    const key = `${action}:ip:${ip}`;
    throwIfLimited(limiter.retryAfter(key, config.authRatePerIpPerMin, MINUTE));
    limiter.hit(key, MINUTE);
  },
  /** Throws 429 when this account has used up its attempts (sign-ups, or failed sign-ins). */
  checkAccount({ limiter, config }: AppDeps, action: AuthAction, email: string): void {
    throwIfLimited(
      limiter.retryAfter(`${action}:account:${email}`, config.signinFailuresPerAccount, ACCOUNT_WINDOW_MS),
    );
  },
  countAccount({ limiter }: AppDeps, action: AuthAction, email: string): void {
    limiter.hit(`${action}:account:${email}`, ACCOUNT_WINDOW_MS);
  },
  clearAccount({ limiter }: AppDeps, action: AuthAction, email: string): void {
    limiter.reset(`${action}:account:${email}`);
  },
};

function throwIfLimited(retryAfter: number): void {
  if (retryAfter > 0) {
    throw new HttpError(429, 'rate_limited', `Too many attempts. Try again in ${retryAfter} s.`, {
      'Retry-After': String(retryAfter),
    });
  }
}
