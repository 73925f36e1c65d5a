// A team leader's one-time reset code (docs/accounts.md): a leader issues it for a member of their team who
// has lost the password and has no recovery codes or email; the member types it on the forgotten-password
// screen with their email and a new password. The server routes and the device's api client share these.
import { z } from 'zod';
import { READABLE_ALPHABET } from './readable-code';
import { newPasswordSchema } from './sync-protocol';

/** Ten characters of the readable alphabet: 31^10 (about 2^49) codes, read aloud as two groups of five. */
export const LEADER_RESET_CODE_LENGTH = 10;
/** How long a code works: a working day and the evening after, long enough to pass on in person. */
export const LEADER_RESET_HOURS = 24;
/** How long the member's record of a code (who issued it, when, whether it was used) is kept. */
export const LEADER_RESET_RECORD_DAYS = 90;

export function formatLeaderResetCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Typed back, case, spaces and hyphens do not matter. */
export function normaliseLeaderResetCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

const LEADER_RESET_CODE = new RegExp(`^[${READABLE_ALPHABET}]{${LEADER_RESET_CODE_LENGTH}}$`);

export function isLeaderResetCode(typed: string): boolean {
  return LEADER_RESET_CODE.test(normaliseLeaderResetCode(typed));
}

/** POST /teams/:teamId/members/:learnerId/reset-code: the code, shown to the leader once. */
export const issuedResetCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });
export type IssuedResetCode = z.infer<typeof issuedResetCodeSchema>;

/** POST /password-resets/leader-code: the member's email, the code and a new password (the code is spent). */
export const leaderCodeResetSchema = z.strictObject({
  email: z.email().max(254),
  code: z.string().min(1).max(40),
  password: newPasswordSchema,
});
export type LeaderCodeReset = z.input<typeof leaderCodeResetSchema>;

export const INVALID_LEADER_CODE = 'invalid_leader_reset_code';

/** What became of a code: still usable, used, cancelled (a newer code replaced it, or the password was reset another way), or past its time. */
export const leaderCodeStateSchema = z.enum(['waiting', 'used', 'cancelled', 'expired']);
export type LeaderCodeState = z.infer<typeof leaderCodeStateSchema>;

/** GET /account/leader-reset-codes: the codes leaders issued for the signed-in learner, newest first. */
export const leaderCodeRecordsSchema = z.object({
  codes: z.array(
    z.object({
      issuedAt: z.string(),
      expiresAt: z.string(),
      /** Null when the leader has since deleted their account, or the team is gone. */
      issuedBy: z.string().nullable(),
      teamName: z.string().nullable(),
      state: leaderCodeStateSchema,
      usedAt: z.string().nullable(),
    }),
  ),
});
export type LeaderCodeRecords = z.infer<typeof leaderCodeRecordsSchema>;
