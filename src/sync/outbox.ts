// Turns what the device holds (unsynced event rows, dirty doc rows) into push requests. Pure: the engine
// reads the rows, this decides what goes on the wire and what can never be sent (invalid on this device),
// so a single bad row is set aside instead of blocking the whole queue behind a 400.
import type { DocRow, EventRow } from '../db/db';
import type { SyncEventRow } from '../db/sync-store';
import { type LearnerEvent, learnerEventSchema } from '../shared/progress/events';
import {
  docBytes,
  MAX_DOC_BYTES,
  MAX_PUSH_EVENTS,
  type PushDoc,
  type PushRequest,
  pushDocSchema,
} from '../shared/protocol/sync-protocol';
import type { RejectedItem } from './sync-status';

export type OutboxItem =
  /** `resend`: acknowledged once, sent again because the server lost it; it may be another device's. */
  | { kind: 'event'; event: LearnerEvent; resend?: boolean }
  /** `updatedAt` of the row as sent: a later edit made while the push was in flight stays dirty. */
  | { kind: 'doc'; doc: PushDoc; updatedAt: string };

export type OutboxPlan = { items: OutboxItem[]; invalid: RejectedItem[] };

export const DOC_ITEM_PREFIX = 'doc:';

/** The wire form of an event row: exactly the protocol fields, since the server's schema is strict. */
export function toWireEvent(row: EventRow): LearnerEvent | undefined {
  const { synced: _synced, syncedAt: _syncedAt, ...rest } = row as EventRow & Record<string, unknown>;
  const wire = Object.fromEntries(
    ['id', 'deviceId', 'deviceSeq', 'at', 'hlc', 'type', 'lessonId', 'payload'].map((key) => [
      key,
      rest[key],
    ]),
  );
  const parsed = learnerEventSchema.safeParse(wire);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The next push: unsynced events in deviceSeq order (at most `max`) and dirty docs (at most `max`),
 * leaving out docs that hold an unresolved conflict (pushing them again would only conflict again).
 */
export function planPush(events: SyncEventRow[], docs: DocRow[], max = MAX_PUSH_EVENTS): OutboxPlan {
  const items: OutboxItem[] = [];
  const invalid: RejectedItem[] = [];
  const ordered = [...events].sort((a, b) => a.deviceSeq - b.deviceSeq || (a.id < b.id ? -1 : 1));
  for (const row of ordered) {
    if (items.length >= max) break;
    const event = toWireEvent(row);
    if (event) items.push(row.resend ? { kind: 'event', event, resend: true } : { kind: 'event', event });
    else invalid.push({ id: row.id, reason: 'This record is not valid on this device and cannot be sent.' });
  }
  let docCount = 0;
  for (const row of docs) {
    if (docCount >= max) break;
    if (row.dirty !== 1 || row.conflict) continue;
    const parsed = pushDocSchema.safeParse({ id: row.id, baseRev: row.rev, body: row.body });
    if (!parsed.success || docBytes(row.body) > MAX_DOC_BYTES) {
      invalid.push({
        id: `${DOC_ITEM_PREFIX}${row.id}`,
        reason: 'This note is too large or not valid to sync.',
      });
      continue;
    }
    items.push({ kind: 'doc', doc: parsed.data, updatedAt: row.updatedAt });
    docCount += 1;
  }
  return { items, invalid };
}

export function pushRequestFor(deviceId: string, items: OutboxItem[]): PushRequest {
  const request: PushRequest = {
    deviceId,
    events: items.flatMap((item) => (item.kind === 'event' ? [item.event] : [])),
    docs: items.flatMap((item) => (item.kind === 'doc' ? [item.doc] : [])),
  };
  return items.some((item) => item.kind === 'event' && item.resend) ? { ...request, resend: true } : request;
}

export function itemId(item: OutboxItem): string {
  return item.kind === 'event' ? item.event.id : `${DOC_ITEM_PREFIX}${item.doc.id}`;
}
