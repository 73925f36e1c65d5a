// Request and answer bodies of the account routes (GET and PATCH /account, PUT /account/password). The
// server and the device's api/ layer both import these.
import { z } from 'zod';
import { displayNameSchema, MAX_PASSWORD_LENGTH, newPasswordSchema } from './sync-protocol';

/** The password typed again on a signed-in route (email or password change, new recovery codes, deletion). */
export const currentPasswordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);

export const accountProfileSchema = z.object({
  learnerId: z.string(),
  email: z.string(),
  name: z.string(),
});
export type AccountProfile = z.infer<typeof accountProfileSchema>;

/** Change the display name, the email, or both. A new email needs the current password. */
export const accountPatchSchema = z
  .strictObject({
    name: displayNameSchema.optional(),
    email: z.email().max(254).optional(),
    currentPassword: currentPasswordSchema.optional(),
  })
  .refine((b) => b.name !== undefined || b.email !== undefined, 'give a name or an email to change')
  .refine((b) => b.email === undefined || b.currentPassword !== undefined, {
    message: 'enter your current password to change your email',
    path: ['currentPassword'],
  });
export type AccountPatch = z.input<typeof accountPatchSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
  /** End every other session of the account (this device stays signed in). */
  signOutOtherDevices: z.boolean().default(false),
});
export type PasswordChange = z.input<typeof passwordChangeSchema>;
