// The merge rules of a push, as a pure function: given the batch, what the server already holds and
// the server clock, decide each event's and doc's fate. The caller stores what this returns.
import type { LearnerEvent } from '../src/shared/progress/events';
import { MAX_HLC_LEAD_MS, parseHlc } from '../src/shared/progress/hlc';
import type { DocResult, EventResult, PushDoc } from '../src/shared/protocol/sync-protocol';
import { canonicalJson } from './canonical-json';

export type StoredDoc = { rev: number; body: string };
export type NewEvent = { event: LearnerEvent; body: string };
export type SavedDoc = { id: string; rev: number; body: string };

export type PushPlan = {
  results: EventResult[];
  newEvents: NewEvent[];
  docResults: DocResult[];
  savedDocs: SavedDoc[];
};

export function classifyPush(input: {
  deviceId: string;
  events: readonly LearnerEvent[];
  docs: readonly PushDoc[];
  storedEvents: ReadonlyMap<string, string>;
  storedDocs: ReadonlyMap<string, StoredDoc>;
  nowMs: number;
  /** A device re-sending what the server lost: events of the learner's other devices are accepted. */
  resend?: boolean;
}): PushPlan {
  const results: EventResult[] = [];
  const newEvents: NewEvent[] = [];
  for (const event of input.events) {
    const body = canonicalJson(event);
    const stored = input.storedEvents.get(event.id);
    // An id already stored is judged first: re-pushing a stored event is always harmless.
    if (stored !== undefined) {
      results.push(
        stored === body
          ? { id: event.id, status: 'duplicate' }
          : { id: event.id, status: 'conflict', reason: 'another event with this id is already stored' },
      );
    } else if (event.deviceId !== input.deviceId && !input.resend) {
      results.push({
        id: event.id,
        status: 'rejected',
        reason: "the event's deviceId is not the request's deviceId",
      });
    } else if (Date.parse(event.at) > input.nowMs + MAX_HLC_LEAD_MS) {
      // `at` and the hlc come from the same device clock: the one 24 h window the devices' HLC keeps to.
      results.push({
        id: event.id,
        status: 'rejected',
        reason: '`at` is more than 24 h ahead of the server clock',
      });
    } else if (parseHlc(event.hlc).wall > input.nowMs + MAX_HLC_LEAD_MS) {
      // Other devices of the learner adopt the highest HLC they pull: one far ahead would pin their clocks.
      results.push({
        id: event.id,
        status: 'rejected',
        reason: '`hlc` is more than 24 h ahead of the server clock',
      });
    } else {
      results.push({ id: event.id, status: 'acked' });
      newEvents.push({ event, body });
    }
  }
  const docResults: DocResult[] = [];
  const savedDocs: SavedDoc[] = [];
  for (const doc of input.docs) {
    const stored = input.storedDocs.get(doc.id);
    const rev = stored?.rev ?? 0;
    if (doc.baseRev >= rev) {
      // Equal: the edit builds on what is stored. Ahead: the server has lost revisions the device saw (a
      // restore from backup), so the device's copy is the newest there is; it is stored past its base.
      const next = doc.baseRev + 1;
      docResults.push({ id: doc.id, status: 'saved', rev: next });
      savedDocs.push({ id: doc.id, rev: next, body: JSON.stringify(doc.body) });
    } else {
      // Stale: hand back the server copy; the device keeps both.
      const body = stored ? (JSON.parse(stored.body) as Record<string, unknown>) : {};
      docResults.push({ id: doc.id, status: 'conflict', rev, body });
    }
  }
  return { results, newEvents, docResults, savedDocs };
}
