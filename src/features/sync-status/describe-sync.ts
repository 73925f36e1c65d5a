// What the learner reads about sync, from the engine's status and the time now. Pure, so every state has a
// row in a table test. `text` is the visible line; `announcement` is what the polite live region says: only
// problems and their end (offline, paused, refused items, notes to check), never counts or "2 min ago", so a
// screen reader is not interrupted every time a tap is saved or a minute passes. When the browser itself
// knows it is offline, the app-wide offline line (src/pwa/offline-indicator.tsx) says so to everyone, so this
// line neither repeats "Offline" nor announces it: one offline message on screen, one in the live regions.
import type { SyncStatus } from '../../sync/sync-status';

export type SyncSummary = {
  text: string;
  announcement: string;
  tone: 'ok' | 'waiting' | 'problem';
  /** The learner must sign in again for sync to carry on. */
  needsSignIn: boolean;
  /** There is something on the sync page to look at: refused items or notes changed on two devices. */
  needsAttention: boolean;
};

const MINUTE = 60_000;

export function syncedAgo(lastSyncedAt: string | undefined, now: number): string {
  if (!lastSyncedAt) return 'Synced';
  const minutes = Math.floor(Math.max(0, now - Date.parse(lastSyncedAt)) / MINUTE);
  if (minutes < 1) return 'Synced just now';
  if (minutes < 60) return `Synced ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `Synced ${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `Synced ${days} ${days === 1 ? 'day' : 'days'} ago`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * `deviceOffline`: the browser reports no connection (`navigator.onLine`), not only the server unreachable.
 * Required, so no screen showing sync can forget the app-wide offline line above it.
 */
export function describeSync(status: SyncStatus, now: number, deviceOffline: boolean): SyncSummary {
  const waiting = status.waiting > 0 ? `${status.waiting} waiting to sync` : '';
  const extras = [
    status.rejected.length > 0 ? `${plural(status.rejected.length, 'item', 'items')} not accepted` : '',
    status.conflicts > 0 ? `${plural(status.conflicts, 'note', 'notes')} to check` : '',
  ].filter(Boolean);
  const needsAttention = extras.length > 0;
  const join = (...parts: string[]) => [...parts, ...extras].filter(Boolean).join(' · ');
  const attention = needsAttention ? join() : '';

  switch (status.state) {
    case 'local-only':
      return {
        text: 'Saved on this device only',
        announcement: '',
        tone: 'ok',
        needsSignIn: false,
        needsAttention: false,
      };
    case 'signed-out':
      return {
        text: join('Sync paused — sign in again', waiting),
        announcement: join('Sync paused — sign in again'),
        tone: 'problem',
        needsSignIn: true,
        needsAttention,
      };
    case 'offline':
      if (deviceOffline) {
        return {
          text: join("Will sync when you're back online", waiting),
          announcement: attention,
          tone: 'waiting',
          needsSignIn: false,
          needsAttention,
        };
      }
      return {
        text: join("Offline — will sync when you're back", waiting),
        announcement: join("Offline — will sync when you're back"),
        tone: 'waiting',
        needsSignIn: false,
        needsAttention,
      };
    case 'error':
      return {
        text: join('Sync hit a problem — will try again', waiting),
        announcement: join('Sync hit a problem — will try again'),
        tone: 'problem',
        needsSignIn: false,
        needsAttention,
      };
    default:
      // idle or syncing: a round is quick, so "syncing" keeps the line as it was rather than flicker. A
      // device signed in whose first round (with its first download) has not finished has nothing to keep:
      // "Synced" would claim the learner's progress from elsewhere is here when it is not yet.
      return {
        text: !status.lastSyncedAt
          ? join('Syncing…', waiting)
          : waiting
            ? join('Saved on this device', waiting)
            : join(syncedAgo(status.lastSyncedAt, now)),
        announcement: attention,
        tone: needsAttention ? 'problem' : waiting ? 'waiting' : 'ok',
        needsSignIn: false,
        needsAttention,
      };
  }
}
