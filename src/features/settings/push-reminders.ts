// Turning push reminders on and off for this device: ask permission, subscribe with the server's VAPID
// key, and give the subscription to the server (through src/api). Push needs a signed-in learner (the
// server sends it) and a browser that can receive it; on iPhone and iPad only an app added to the Home
// Screen can.
import { createApiClient } from '../../api/api-client';
import { metaRepo } from '../../db/meta-repo';
import { SESSION_META_KEY } from '../../sync/app-sync';

export type PushAvailability =
  | { kind: 'ready' }
  | { kind: 'ios-not-installed' }
  | { kind: 'unsupported' }
  | { kind: 'blocked' };

function isIos(): boolean {
  const ua = navigator.userAgent;
  return /iphone|ipad|ipod/i.test(ua) || (ua.includes('Macintosh') && navigator.maxTouchPoints > 1);
}

function runsInstalled(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || window.matchMedia?.('(display-mode: standalone)').matches === true;
}

export function pushAvailability(): PushAvailability {
  const supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  // Safari on iOS exposes push only to Home Screen apps, so "unsupported" there means "not installed".
  if (isIos() && !runsInstalled()) return { kind: 'ios-not-installed' };
  if (!supported) return { kind: 'unsupported' };
  if (Notification.permission === 'denied') return { kind: 'blocked' };
  return { kind: 'ready' };
}

async function sessionToken(): Promise<string | undefined> {
  return (await metaRepo.get(SESSION_META_KEY))?.token;
}

export async function signedIn(): Promise<boolean> {
  return Boolean(await sessionToken());
}

const api = createApiClient({ baseUrl: '' });

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration();
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return null;
  return (await (await registration())?.pushManager.getSubscription()) ?? null;
}

export type PushChange = { ok: true } | { ok: false; message: string };

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function turnOnPush(): Promise<PushChange> {
  const token = await sessionToken();
  if (!token)
    return { ok: false, message: 'Sign in under Back up and sync first: the reminders come from there.' };
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    return {
      ok: false,
      message: 'Notifications are not allowed for Pocket CPD. Allow them in your browser settings.',
    };
  }
  const reg = await registration();
  if (!reg)
    return {
      ok: false,
      message: 'Reminders need the app to finish installing. Reload the page and try again.',
    };
  const key = await api.reminderKey(token);
  if (!key.ok) return { ok: false, message: failureText(key.failure.kind) };
  let subscription: PushSubscription;
  try {
    subscription = await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(key.value.publicKey),
    });
  } catch (error) {
    return { ok: false, message: `This browser could not set up reminders (${String(error)}).` };
  }
  const json = subscription.toJSON();
  const put = await api.putPushSubscription(token, {
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  });
  if (!put.ok) {
    await subscription.unsubscribe().catch(() => false);
    return { ok: false, message: failureText(put.failure.kind) };
  }
  return { ok: true };
}

export async function turnOffPush(): Promise<PushChange> {
  const subscription = await currentSubscription();
  if (!subscription) return { ok: true };
  const token = await sessionToken();
  // The browser's side first: once unsubscribed, the push service answers the server 410 and the server
  // forgets the subscription on its own, even if telling it now fails.
  await subscription.unsubscribe().catch(() => false);
  if (token) await api.deletePushSubscription(token, subscription.endpoint);
  return { ok: true };
}

function failureText(kind: string): string {
  if (kind === 'network') return 'No connection to the server. Try again when you are online.';
  if (kind === 'unauthorized') return 'Your session has ended. Sign in again under Back up and sync.';
  return 'The server could not turn reminders on. Try again later.';
}
