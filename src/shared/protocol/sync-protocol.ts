// Request and response bodies of the sync API (DESIGN.md §5). The device's sync engine and the server
// both import these schemas, so a change to the protocol is one edit checked on both sides.
import { z } from 'zod';
import { learnerEventSchema } from '../progress/events';
import { myTeamSchema } from './team-protocol';

export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 1000;
export const MAX_DOC_BYTES = 64 * 1024;
/** A doc's size as MAX_DOC_BYTES counts it: the UTF-8 bytes of its body's JSON, the same on both sides. */
export function docBytes(body: unknown): number {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}
/** At most this many docs in one pull page, whatever `limit` asks for. */
export const MAX_PULL_DOCS = 100;
/**
 * A pull page stops growing once its events and docs pass this many bytes of JSON (`hasMore: true`), so
 * a learner with many large notes costs the server about 1 MB per pull in flight, not 64 MB.
 */
export const MAX_PULL_PAGE_BYTES = 1024 * 1024;

/**
 * Pull answers 409 with this code when the cursor names data the server no longer has (it was restored
 * from a backup, or lost its last commits in a power cut). The device then sends everything it holds
 * again (`resend: true`) and pulls from the start; the server answers what it still has as `duplicate`.
 */
export const SERVER_BEHIND_CODE = 'server_behind';

/**
 * A push the learner's quota cannot take answers 403 with this code (nothing of it stored), plus which
 * limit it hit. The device says so in plain words and does not send the same items again unchanged.
 */
export const QUOTA_EXCEEDED_CODE = 'quota_exceeded';
export const quotaKinds = ['docs', 'doc-bytes', 'events-per-day'] as const;
export type QuotaKind = (typeof quotaKinds)[number];

/** A mutable per-learner document: a reflection note, a reading position, settings. */
export const docIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9:._-]*$/, 'doc ids use lower-case letters, digits and : . _ -');
export const docBodySchema = z.record(z.string(), z.unknown());

export const pushDocSchema = z.strictObject({
  id: docIdSchema,
  /** The server revision this edit was based on; 0 for a doc the device has never seen on the server. */
  baseRev: z.number().int().min(0),
  body: docBodySchema,
});

export const pushRequestSchema = z.strictObject({
  deviceId: z.uuid(),
  events: z.array(learnerEventSchema).max(MAX_PUSH_EVENTS),
  docs: z.array(pushDocSchema).max(MAX_PUSH_EVENTS).default([]),
  /**
   * Set when the device sends again what the server lost (after a 409 server_behind): its events may
   * carry the ids of the learner's other devices (or of a device the server no longer knows).
   */
  resend: z.boolean().optional(),
});

export type PushRequest = z.input<typeof pushRequestSchema>;
export type PushDoc = z.infer<typeof pushDocSchema>;

// Answers are schemas too: the device's api/ layer parses every answer with them, so a proxy's page or a
// server from another version is an error there, not a surprise deeper in the app. They are plain (not
// strict) objects, so a server that adds a field does not break older devices.
export const eventResultStatuses = ['acked', 'duplicate', 'rejected', 'conflict'] as const;
export type EventResultStatus = (typeof eventResultStatuses)[number];
export const eventResultSchema = z.object({
  id: z.string(),
  status: z.enum(eventResultStatuses),
  reason: z.string().optional(),
});
export type EventResult = z.infer<typeof eventResultSchema>;
export const docResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('saved'), rev: z.number().int() }),
  /** The server copy the device's edit did not build on; the device keeps both versions. */
  z.object({ id: z.string(), status: z.literal('conflict'), rev: z.number().int(), body: docBodySchema }),
]);
export type DocResult = z.infer<typeof docResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(eventResultSchema),
  docs: z.array(docResultSchema),
  serverSeq: z.number(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const syncedDocSchema = z.object({ id: z.string(), rev: z.number().int(), body: docBodySchema });
export type SyncedDoc = z.infer<typeof syncedDocSchema>;

export const pullQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});

/**
 * A pull page as the device reads it. Events are checked one by one when stored (db/sync-store.ts), so an
 * event type from a newer app version skips that event instead of stopping the whole sync.
 */
export const pullResponseSchema = z.object({
  events: z.array(z.unknown()),
  docs: z.array(syncedDocSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
  /**
   * The learner's teams and their assignments, on the last page of a pull (hasMore false) only: the whole
   * list each time, so a device replaces what it holds. Absent (an older server, or not the last page)
   * means "no news": keep what the device has.
   */
  teams: z.array(myTeamSchema).optional(),
});
export type PulledPage = z.infer<typeof pullResponseSchema>;
/** A pull page as the server sends it: every event valid. */
export type PullResponse = Omit<PulledPage, 'events'> & { events: z.infer<typeof learnerEventSchema>[] };

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/** A new password: 10 to 200 characters (the server also refuses the most common ones). */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);
export const displayNameSchema = z.string().trim().min(1).max(100);
export const accountRequestSchema = z.strictObject({
  email: z.email().max(254),
  name: displayNameSchema,
  password: newPasswordSchema,
});
export const sessionRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  /**
   * The server's id of a device this account used before (kept on the device): such a sign-in is the
   * owner's, so the account-wide slow-down for failed guesses from elsewhere does not apply to it.
   */
  deviceId: z.uuid().optional(),
});
export type AccountRequest = z.input<typeof accountRequestSchema>;
export type SessionRequest = z.input<typeof sessionRequestSchema>;
export const deviceRequestSchema = z.strictObject({ name: z.string().trim().max(100).optional() });

export const sessionResponseSchema = z.object({
  learnerId: z.string().min(1),
  token: z.string().min(1),
  expiresAt: z.string(),
  /** The display name and email of the account, so the device can print the name on certificates. */
  name: z.string().optional(),
  email: z.string().optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export const deviceResponseSchema = z.object({ deviceId: z.string().min(1) });
export type DeviceResponse = z.infer<typeof deviceResponseSchema>;

/** Every error answer of the API: a stable `code` for programs and a `message` for people. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    // Only quota_exceeded answers carry these. A limit this version does not know (a newer server) reads
    // as no quota, so the answer is still an ordinary refusal with the server's words.
    quota: z.enum(quotaKinds).optional().catch(undefined),
    /** For events-per-day: how many new events the server still takes today. */
    remaining: z.number().int().min(0).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorBodySchema>;
/** The body of a 403 quota_exceeded answer (nothing of the push stored). */
export type QuotaError = {
  error: ApiError['error'] & { code: typeof QUOTA_EXCEEDED_CODE; quota: QuotaKind };
};
