// Sends one push message: web-push encrypts the payload (RFC 8291, aes128gcm) and signs the VAPID header
// (RFC 8292); the request goes out with fetch, so it has a timeout and the answer is read the same way on
// every push service. 404 and 410 mean the subscription is gone for good (the learner turned notifications
// off, or the browser dropped it): the caller deletes it.
import webpush from 'web-push';
import type { ReminderPayload } from '../../src/shared/protocol/reminder-protocol';
import type { VapidKeys } from './vapid-keys';

export type StoredSubscription = { endpoint: string; p256dh: string; auth: string };
export type DeliveryResult = 'sent' | 'gone' | 'failed';
export type PushFetch = (url: string, init: RequestInit) => Promise<Response>;

export type DeliveryOptions = {
  vapid: VapidKeys;
  subject: string;
  fetch?: PushFetch;
  timeoutMs?: number;
};

/** A reminder is worth nothing after its slot: the push service may drop it if the phone stays off 4 hours. */
const TTL_SECONDS = 4 * 60 * 60;

export async function deliverPush(
  subscription: StoredSubscription,
  payload: ReminderPayload,
  { vapid, subject, fetch: fetchFn = fetch, timeoutMs = 15_000 }: DeliveryOptions,
): Promise<{ result: DeliveryResult; status: number }> {
  const details = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: { subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
      TTL: TTL_SECONDS,
      urgency: 'normal',
      contentEncoding: 'aes128gcm',
    },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) headers[name] = String(value);
  // fetch sets the length itself; a stale one would break the request.
  delete headers['Content-Length'];
  try {
    const response = await fetchFn(details.endpoint, {
      method: details.method,
      headers,
      body: details.body ? new Uint8Array(details.body) : null,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410)
      return { result: 'gone', status: response.status };
    return { result: response.ok ? 'sent' : 'failed', status: response.status };
  } catch {
    return { result: 'failed', status: 0 };
  }
}
