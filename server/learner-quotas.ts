// Per-learner quotas, as a pure function of the learner's counters and what a push would store: docs kept
// and their bytes, and new events a UTC day. Duplicates and refused items cost nothing, and an edit that
// shrinks a doc is always allowed, so a learner over a limit can still tidy up. Devices are not refused:
// registering past the device quota retires the learner's oldest unused device (device-routes.ts).
import type { QuotaKind } from '../src/shared/protocol/sync-protocol';
import type { StoredDoc } from './classify-push';
import type { Quotas } from './config';

const DAY_MS = 24 * 60 * 60 * 1000;

export type QuotaCounters = { doc_count: number; doc_bytes: number; quota_day: number; day_events: number };
export type QuotaUse = { newEvents: number; savedDocs: readonly { id: string; body: string }[] };
export type QuotaOutcome =
  | { ok: true; counters: QuotaCounters }
  | { ok: false; quota: QuotaKind; message: string; retryAfterSeconds?: number; remaining?: number };

const count = (n: number) => n.toLocaleString('en-GB');
const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export function applyQuotas(
  counters: QuotaCounters,
  use: QuotaUse,
  storedDocs: ReadonlyMap<string, StoredDoc>,
  quotas: Quotas,
  nowMs: number,
): QuotaOutcome {
  const today = Math.floor(nowMs / DAY_MS);
  const before = counters.quota_day === today ? counters.day_events : 0;
  const eventsToday = before + use.newEvents;
  if (use.newEvents > 0 && eventsToday > quotas.eventsPerDay) {
    return {
      remaining: Math.max(0, quotas.eventsPerDay - before),
      ok: false,
      quota: 'events-per-day',
      message: `Your account has sent ${count(quotas.eventsPerDay)} learning records today, the most for one day. The rest are kept on this device and sync tomorrow.`,
      retryAfterSeconds: Math.ceil(((today + 1) * DAY_MS - nowMs) / 1000),
    };
  }
  let docCount = counters.doc_count;
  let docBytes = counters.doc_bytes;
  let grows = false;
  for (const doc of use.savedDocs) {
    const stored = storedDocs.get(doc.id);
    const bytes = Buffer.byteLength(doc.body);
    const before = stored ? Buffer.byteLength(stored.body) : 0;
    if (!stored) docCount += 1;
    if (bytes > before) grows = true;
    docBytes += bytes - before;
  }
  if (docCount > counters.doc_count && docCount > quotas.docs) {
    return {
      ok: false,
      quota: 'docs',
      message: `Your account already keeps ${count(quotas.docs)} notes, the most it can. New notes stay on this device; one syncs again when you change it.`,
    };
  }
  if (grows && docBytes > quotas.docBytes) {
    return {
      ok: false,
      quota: 'doc-bytes',
      message: `Your notes fill the ${megabytes(quotas.docBytes)} one account can keep. This note stays on this device and syncs again when you change it (shorter notes fit).`,
    };
  }
  return {
    ok: true,
    counters: { doc_count: docCount, doc_bytes: docBytes, quota_day: today, day_events: eventsToday },
  };
}
