import { describe, expect, it } from 'vitest';
import { planPush, pushRequestFor, toWireEvent } from '../../../src/sync/outbox';
import { DEVICE, docRow, eventRow } from './sample-rows';

describe('outbox planning', () => {
  it('sends unsynced events in deviceSeq order, at most the batch size', () => {
    const rows = [eventRow(3), eventRow(1), eventRow(2), eventRow(5), eventRow(4)];
    const plan = planPush(rows, [], 3);
    expect(plan.items.map((item) => (item.kind === 'event' ? item.event.deviceSeq : -1))).toEqual([1, 2, 3]);
    expect(plan.invalid).toEqual([]);
  });

  it('splits 1 201 events into batches of 500, 500 and 201', () => {
    let remaining = Array.from({ length: 1_201 }, (_, i) => eventRow(i + 1));
    const sizes: number[] = [];
    while (remaining.length > 0) {
      const { items } = planPush(remaining, []);
      sizes.push(items.length);
      const sent = new Set(items.map((item) => (item.kind === 'event' ? item.event.id : '')));
      remaining = remaining.filter((row) => !sent.has(row.id));
    }
    expect(sizes).toEqual([500, 500, 201]);
  });

  it('puts on the wire exactly the protocol fields of an event', () => {
    const row = { ...eventRow(7), synced: 0 as const, syncedAt: 'x', syncRejected: { reason: 'r', at: 'y' } };
    expect(Object.keys(toWireEvent(row) ?? {}).sort()).toEqual(
      ['at', 'deviceId', 'deviceSeq', 'hlc', 'id', 'lessonId', 'payload', 'type'].sort(),
    );
  });

  it('sets aside an event or doc that could never be valid instead of sending it', () => {
    const broken = eventRow(2, { lessonId: '' });
    const huge = docRow('note:huge', { body: { text: 'x'.repeat(70_000) } });
    const plan = planPush([eventRow(1), broken], [huge, docRow('note:ok')]);
    expect(plan.invalid.map((item) => item.id)).toEqual([broken.id, 'doc:note:huge']);
    expect(plan.items).toHaveLength(2);
  });

  it('sends dirty docs with their base revision, but not one waiting for the learner to resolve a conflict', () => {
    const docs = [
      docRow('note:a', { rev: 4 }),
      docRow('note:b', { rev: 2, conflict: { rev: 3, body: { text: 'server' } } }),
      docRow('note:c', { dirty: 0 }),
    ];
    const request = pushRequestFor(DEVICE, planPush([eventRow(1)], docs).items);
    expect(request.deviceId).toBe(DEVICE);
    expect(request.events.map((e) => e.deviceSeq)).toEqual([1]);
    expect(request.docs).toEqual([{ id: 'note:a', baseRev: 4, body: { text: 'note note:a' } }]);
  });
});
