// Push reminders in the service worker. Every push shows a notification, whatever it carries: browsers
// (Safari on iOS above all) end the subscription of a site whose pushes show nothing. Tapping the
// notification focuses an open window of the app at the reminder's page, or opens one.
import type { ReminderPayload } from '../shared/protocol/reminder-protocol';

type Waits = { waitUntil(promise: Promise<unknown>): void };
type ReminderWindow = { url: string; focus(): Promise<unknown>; navigate(url: string): Promise<unknown> };

/** The parts of ServiceWorkerGlobalScope the handlers use, so they can run against a stand-in in tests. */
export type ReminderScope = {
  location: { origin: string };
  registration: { showNotification(title: string, options?: NotificationOptions): Promise<void> };
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly ReminderWindow[]>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(
    type: 'push',
    listener: (event: Waits & { data: { json(): unknown } | null }) => void,
  ): void;
  addEventListener(
    type: 'notificationclick',
    listener: (event: Waits & { notification: { data: unknown; close(): void } }) => void,
  ): void;
};

const FALLBACK: ReminderPayload = {
  title: 'Pocket CPD',
  body: 'A few minutes of learning are waiting for you.',
  url: '/',
  tag: 'pocket-cpd-reminder',
};

/** Only a path on this origin: a push must not be able to send the learner to another site. */
function localPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

/** The notice in a push message's data; anything unreadable still gives a notification that opens the app. */
function noticeOf(data: { json(): unknown } | null): ReminderPayload {
  let raw: unknown;
  try {
    raw = data?.json();
  } catch {
    return FALLBACK;
  }
  if (!raw || typeof raw !== 'object') return FALLBACK;
  const r = raw as Record<string, unknown>;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() ? v : fallback);
  return {
    title: text(r.title, FALLBACK.title),
    body: text(r.body, FALLBACK.body),
    url: localPath(r.url) ?? FALLBACK.url,
    tag: text(r.tag, FALLBACK.tag),
  };
}

export function listenForReminders(sw: ReminderScope): void {
  sw.addEventListener('push', (event) => {
    const notice = noticeOf(event.data);
    event.waitUntil(
      sw.registration.showNotification(notice.title, {
        body: notice.body,
        tag: notice.tag,
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        data: { url: notice.url },
      }),
    );
  });

  sw.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const data = event.notification.data as { url?: unknown } | null;
    const target = new URL(localPath(data?.url) ?? '/', sw.location.origin).href;
    event.waitUntil(
      (async () => {
        const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
        if (open) {
          await open.focus();
          if (open.url === target) return;
          // navigate() works only on a window this worker controls; any other gets a window of its own.
          const moved = await open.navigate(target).catch(() => null);
          if (moved) return;
        }
        await sw.clients.openWindow(target);
      })(),
    );
  });
}
