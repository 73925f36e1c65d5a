// Request and answer bodies of the reminder routes (docs/sync-protocol.md), shared by the server and
// src/api so both sides parse the same shapes.
import { z } from 'zod';

export const vapidKeyResponseSchema = z.object({ publicKey: z.string().min(1) });

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

/**
 * What a push message carries (the server's reminderMessage); the service worker shows it. Not parsed with
 * a schema: the worker reads each field forgivingly, since every push must show a notification.
 */
export type ReminderPayload = {
  title: string;
  body: string;
  /** A path on this origin, where tapping the notification goes. */
  url: string;
  tag: string;
};
