// The learner's data rights (UK GDPR articles 15, 17 and 20): a copy of everything the server holds about
// them, and deleting the account. Schemas shared by the server routes and the device's api client.
import { z } from 'zod';
import { currentPasswordSchema } from './account-protocol';

export const MY_DATA_FORMAT = 'pocket-cpd-my-data';

/** GET /account/data: the account row (without its password hash) and every row of the learner, by table. */
export const myDataSchema = z.object({
  format: z.literal(MY_DATA_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  account: z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() }),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type MyData = z.infer<typeof myDataSchema>;

/** DELETE /account: asks for the password; every row of the learner goes in one transaction. */
export const deleteAccountRequestSchema = z.strictObject({ password: currentPasswordSchema });
export type DeleteAccountRequest = z.input<typeof deleteAccountRequestSchema>;
