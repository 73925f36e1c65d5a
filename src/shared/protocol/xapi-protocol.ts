// xAPI keys (docs/xapi.md): HTTP Basic credentials for the Statements resource at /xapi/, made by a
// learner for their own records or by a team's leader for the team's. The server routes and the device's
// api client both use these schemas.
import { z } from 'zod';

/** Keys one learner, or one team, may hold at once: one per tool that reads the records, with room to spare. */
export const MAX_XAPI_KEYS = 20;

export const xapiKeySchema = z.object({
  /** The Basic user name. */
  id: z.string(),
  label: z.string(),
  writable: z.boolean(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type XapiKey = z.infer<typeof xapiKeySchema>;

export const xapiKeysResponseSchema = z.object({
  /** The Statements resource's address, what a tool is given as its LRS endpoint. */
  endpoint: z.string(),
  keys: z.array(xapiKeySchema),
});
export type XapiKeysResponse = z.infer<typeof xapiKeysResponseSchema>;

/** POST /account/xapi-keys and /teams/:teamId/xapi-keys. Read-only unless asked otherwise. */
export const createXapiKeyRequestSchema = z.strictObject({
  label: z.string().trim().min(1, 'Give the key a name.').max(80),
  writable: z.boolean().default(false),
});
export type CreateXapiKeyRequest = z.input<typeof createXapiKeyRequestSchema>;

/** The new key with its secret: the only time the secret is shown. */
export const createdXapiKeySchema = z.object({
  key: xapiKeySchema,
  secret: z.string(),
  endpoint: z.string(),
});
export type CreatedXapiKey = z.infer<typeof createdXapiKeySchema>;
