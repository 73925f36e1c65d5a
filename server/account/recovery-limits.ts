// Rate limits for the ways back in. Counted before any password or hash work. Per address: attempts a minute
// (the same setting as sign-in). Per account: wrong recovery codes, and reset emails (over the limit the
// answer is the same, only no email goes out, so the limit reveals nothing and cannot flood an inbox).
// Wrong passwords on signed-in routes are counted by authLimits.checkReauth (server/auth-limits.ts).
import type { AppDeps } from '../app-env';
import { limited } from '../auth-limits';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const WRONG_CODES_PER_HOUR = 10;
const RESET_EMAILS_PER_HOUR = 3;

export const recoveryLimits = {
  async ipAttempt({ limiter, config }: AppDeps, ip: string): Promise<void> {
    const { count, retryAfter } = await limiter.hit(`recover:ip:${ip}`, MINUTE);
    if (count > config.authRatePerIpPerMin) throw limited(retryAfter);
  },
  async checkCodeGuesses({ limiter }: AppDeps, email: string): Promise<void> {
    const { retryAfter } = await limiter.peek(`recover:account:${email}`, WRONG_CODES_PER_HOUR);
    if (retryAfter > 0) throw limited(retryAfter);
  },
  async countWrongCode({ limiter }: AppDeps, email: string): Promise<void> {
    await limiter.hit(`recover:account:${email}`, HOUR);
  },
  /** Whether another reset email may go to this address now (counts it). */
  async mayEmail({ limiter }: AppDeps, email: string): Promise<boolean> {
    const { count } = await limiter.hit(`reset-email:account:${email}`, HOUR);
    return count <= RESET_EMAILS_PER_HOUR;
  },
};
