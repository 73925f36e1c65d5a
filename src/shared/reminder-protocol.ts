// Request and answer bodies of the reminder routes (docs/sync-protocol.md), shared by the server and
// src/api so both sides parse the same shapes.
import { z } from 'zod';

export const vapidKeyResponseSchema = z.object({ publicKey: z.string().min(1) });
export type VapidKeyResponse = z.infer<typeof vapidKeyResponseSchema>;

/** A browser's PushSubscription as `toJSON()` gives it; the server keeps only these fields. */
export const pushSubscriptionSchema = z
  .object({
    endpoint: z.string().url().max(2000),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
  })
  .strip();
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionSchema>;

export const deletePushSubscriptionSchema = z.object({ endpoint: z.string().url().max(2000) }).strict();

/** What a push message carries; the service worker shows it. */
export const reminderPayloadSchema = z.object({
  title: z.string(),
  body: z.string(),
  url: z.string().startsWith('/'),
  tag: z.string(),
});
export type ReminderPayload = z.infer<typeof reminderPayloadSchema>;
