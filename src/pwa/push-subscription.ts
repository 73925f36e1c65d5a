// This browser's side of push reminders: whether it can receive them, and its PushSubscription. The server's
// side (the VAPID key, storing and deleting the subscription) is src/sync/reminders.ts, through src/api.
// No React: sync/ ends the subscription on sign-out through here, so the service worker is reached only from
// src/pwa/.
import { isIos, runsInstalled } from './platform';

export type PushAvailability =
  | { kind: 'ready' }
  | { kind: 'ios-not-installed' }
  | { kind: 'unsupported' }
  | { kind: 'blocked' };

export function pushAvailability(): PushAvailability {
  const supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  // Safari on iOS exposes push only to Home Screen apps, so "unsupported" there means "not installed".
  if (isIos() && !runsInstalled()) return { kind: 'ios-not-installed' };
  if (!supported) return { kind: 'unsupported' };
  if (Notification.permission === 'denied') return { kind: 'blocked' };
  return { kind: 'ready' };
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return globalThis.navigator?.serviceWorker?.getRegistration();
}

/** This browser's push subscription, or null when it has none (or cannot have one). */
export async function currentSubscription(): Promise<PushSubscription | null> {
  try {
    return (await (await registration())?.pushManager?.getSubscription()) ?? null;
  } catch {
    // No service worker or push here.
    return null;
  }
}

export type SubscribeResult =
  | { ok: true; subscription: PushSubscription }
  | { ok: false; reason: 'not-allowed' | 'no-worker' }
  | { ok: false; reason: 'browser'; detail: string };

/** Asks permission and subscribes with the server's VAPID public key (base64url). */
export async function subscribe(publicKey: string): Promise<SubscribeResult> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return { ok: false, reason: 'not-allowed' };
  const reg = await registration();
  if (!reg) return { ok: false, reason: 'no-worker' };
  try {
    const subscription = await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    });
    return { ok: true, subscription };
  } catch (error) {
    return { ok: false, reason: 'browser', detail: String(error) };
  }
}

/** Ends this browser's subscription; returns its endpoint, or undefined when there was none. */
export async function unsubscribe(subscription?: PushSubscription | null): Promise<string | undefined> {
  const current = subscription ?? (await currentSubscription());
  if (!current) return undefined;
  await current.unsubscribe().catch(() => false);
  return current.endpoint;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
