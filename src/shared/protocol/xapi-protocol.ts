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

/**
 * PUT /teams/:teamId/xapi-forward: the team's external Learning Record Store. `endpoint` is its xAPI base
 * (the address before `statements`). Which addresses are accepted (https, never the server's own network)
 * is the server's rule alone (server/xapi/forward-address.ts), which answers 400 saying why.
 */
export const setXapiForwardRequestSchema = z.strictObject({
  endpoint: z.string().max(500),
  keyName: z.string().trim().min(1, 'Give the LRS key’s name.').max(200),
  keySecret: z.string().min(1, 'Give the LRS key’s secret.').max(500),
});
export type SetXapiForwardRequest = z.input<typeof setXapiForwardRequestSchema>;

/** GET /teams/:teamId/xapi-forward: where the team's statements go and how delivery is going; never the secret. */
export const xapiForwardSchema = z.object({
  endpoint: z.string(),
  keyName: z.string(),
  createdAt: z.iso.datetime(),
  /** False once the leader who set it up no longer leads the team: another leader sets it up again. */
  active: z.boolean(),
  lastDeliveryAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  pending: z.number().int(),
  sent: z.number().int(),
  refused: z.number().int(),
});
export type XapiForward = z.infer<typeof xapiForwardSchema>;

export const xapiForwardResponseSchema = z.object({ forward: xapiForwardSchema.nullable() });
export type XapiForwardResponse = z.infer<typeof xapiForwardResponseSchema>;
