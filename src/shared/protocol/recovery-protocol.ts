// Ways back into an account when the password is forgotten (docs/accounts.md): recovery codes, and a reset
// link by email when the server's operator has configured mail. The server routes and the device's api
// client both use these schemas.
import { z } from 'zod';
import { currentPasswordSchema } from './account-protocol';
import { newPasswordSchema } from './sync-protocol';

export const RECOVERY_CODE_COUNT = 10;
/** How long an emailed reset link works. */
export const RESET_LINK_MINUTES = 30;
/** The app's page an emailed link opens; the token travels in the fragment, so it is never sent in a request line or a Referer. */
export const RESET_PAGE_PATH = '/reset-password';

/**
 * Codes are 12 letters and digits from an alphabet without look-alikes, shown as `XXXX-XXXX-XXXX`
 * (60 random bits each). Typed back, case, spaces and hyphens do not matter, and O, I and L read as 0 and 1.
 */
export const RECOVERY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function normaliseRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

const emailSchema = z.email().max(254);

/** POST /account/recovery-codes: a new set, replacing the old; asks for the current password. */
export const recoveryCodesRequestSchema = z.strictObject({ password: currentPasswordSchema });
export const recoveryCodesResponseSchema = z.object({
  codes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
});
export type RecoveryCodesResponse = z.infer<typeof recoveryCodesResponseSchema>;

/** POST /password-resets/recovery-code: a code and a new password sign the learner in (the code is spent). */
export const recoveryCodeResetSchema = z.strictObject({
  email: emailSchema,
  code: z.string().min(1).max(40),
  password: newPasswordSchema,
});
export type RecoveryCodeReset = z.input<typeof recoveryCodeResetSchema>;

/** GET /password-resets/options: which ways back this server offers (email only when mail is set up). */
export const resetOptionsSchema = z.object({ recoveryCode: z.boolean(), email: z.boolean() });
export type ResetOptions = z.infer<typeof resetOptionsSchema>;

/** POST /password-resets/email: answers 202 whether or not the email has an account; 501 without mail. */
export const emailResetRequestSchema = z.strictObject({ email: emailSchema });
export const emailResetResponseSchema = z.object({ accepted: z.literal(true) });
export const EMAIL_RESET_UNAVAILABLE_CODE = 'email_reset_unavailable';

/** POST /password-resets/token: the link's token and a new password sign the learner in (the link is spent). */
export const tokenResetRequestSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/, 'not a reset token'),
  password: newPasswordSchema,
});
export type TokenReset = z.input<typeof tokenResetRequestSchema>;

/** GET /account/recovery-codes: how many unused codes the learner has, and when the set was made. */
export const recoveryCodesStatusSchema = z.object({
  remaining: z.number().int(),
  madeAt: z.string().nullable(),
});
export type RecoveryCodesStatus = z.infer<typeof recoveryCodesStatusSchema>;
