// Request and response bodies of the sync API (DESIGN.md §5). The device's sync engine and the server
// both import these schemas, so a change to the protocol is one edit checked on both sides.
import { z } from 'zod';
import { learnerEventSchema } from './events';

export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 1000;
export const MAX_DOC_BYTES = 64 * 1024;

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
});

export type PushRequest = z.input<typeof pushRequestSchema>;
export type PushDoc = z.infer<typeof pushDocSchema>;

export type EventResultStatus = 'acked' | 'duplicate' | 'rejected' | 'conflict';
export type EventResult = { id: string; status: EventResultStatus; reason?: string };
export type DocResult =
  | { id: string; status: 'saved'; rev: number }
  /** The server copy the device's edit did not build on; the device keeps both versions. */
  | { id: string; status: 'conflict'; rev: number; body: Record<string, unknown> };

export type PushResponse = { results: EventResult[]; docs: DocResult[]; serverSeq: number };

export type SyncedDoc = { id: string; rev: number; body: Record<string, unknown> };

export const pullQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});

export type PullResponse = {
  events: z.infer<typeof learnerEventSchema>[];
  docs: SyncedDoc[];
  nextCursor: string;
  hasMore: boolean;
};

export const accountRequestSchema = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, 'use at least 10 characters').max(200),
});
export const sessionRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export const deviceRequestSchema = z.strictObject({ name: z.string().trim().max(100).optional() });

export type SessionResponse = { learnerId: string; token: string; expiresAt: string };
export type DeviceResponse = { deviceId: string };
export type ApiError = { error: { code: string; message: string } };
