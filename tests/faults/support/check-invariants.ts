// What must hold once faults stop and every device has settled — each failure says which rule broke:
// the server holds exactly the events the devices created, once each; every device holds exactly its
// learner's server events, byte for byte; every fold agrees; every acknowledged event is stored; every
// line any device typed into a note survives in the one version all devices and the server agree on.
import { expect } from 'vitest';
import type { Db } from '../../../server/open-database';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { foldProgress } from '../../../src/shared/progress/progress';
import { toWireEvent } from '../../../src/sync/outbox';
import type { SimDevice } from './sim-device';

export type InvariantReport = { events: number; notes: number; lines: number };

function sortedFold(events: LearnerEvent[]) {
  return [...foldProgress(events).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export async function checkInvariants(input: {
  db: Db;
  learnerEmails: string[];
  devices: { device: SimDevice; learner: number }[];
  acknowledged: Set<string>;
}): Promise<InvariantReport> {
  const { db, learnerEmails, devices, acknowledged } = input;
  const report: InvariantReport = { events: 0, notes: 0, lines: 0 };
  const allStored = new Set<string>();

  for (const [index, email] of learnerEmails.entries()) {
    const learner = await db.kysely
      .selectFrom('learners')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const rows = await db.kysely
      .selectFrom('events')
      .select(['event_id', 'seq', 'body'])
      .where('learner_id', '=', learner.id)
      .orderBy('seq')
      .execute();
    const serverEvents = rows.map((row) => JSON.parse(row.body) as LearnerEvent);
    const serverIds = serverEvents.map((event) => event.id);
    for (const id of serverIds) allStored.add(id);
    report.events += serverIds.length;
    expect(new Set(serverIds).size, `learner ${index}: an event is stored twice`).toBe(serverIds.length);
    expect(
      rows.map((row) => row.seq),
      `learner ${index}: server sequence has a gap`,
    ).toEqual(rows.map((_, i) => i + 1));

    const own = devices.filter((d) => d.learner === index).map((d) => d.device);
    const created = new Set(own.flatMap((device) => [...device.created]));
    expect(
      [...serverIds].sort(),
      `learner ${index}: server events != union of events created on devices`,
    ).toEqual([...created].sort());
    const serverFold = sortedFold(serverEvents);
    const byId = new Map(serverEvents.map((event) => [event.id, canonical(event)]));

    for (const device of own) {
      const local = await device.db().events.toArray();
      const where = `learner ${index}, device ${device.name}`;
      expect(
        local.filter((row) => row.synced !== 1).map((row) => row.id),
        `${where}: unsynced events`,
      ).toEqual([]);
      expect(
        local.filter((row) => 'syncRejected' in row).map((row) => row.id),
        `${where}: refused events`,
      ).toEqual([]);
      expect(local.map((row) => row.id).sort(), `${where}: device events != server events`).toEqual(
        [...serverIds].sort(),
      );
      const wire = local.map((row) => toWireEvent(row));
      for (const event of wire) {
        expect(event, `${where}: a stored event is not valid`).toBeDefined();
        expect(canonical(event), `${where}: event ${event?.id} differs from the server's`).toBe(
          byId.get(event?.id ?? ''),
        );
      }
      expect(sortedFold(wire as LearnerEvent[]), `${where}: fold differs from the server's`).toEqual(
        serverFold,
      );
      expect(device.engine().status.get(), `${where}: status after settling`).toMatchObject({
        state: 'idle',
        waiting: 0,
        rejected: [],
        conflicts: 0,
      });
    }

    const docs = await db.kysely
      .selectFrom('docs')
      .select(['doc_id', 'rev', 'body'])
      .where('learner_id', '=', learner.id)
      .execute();
    const noteIds = new Set(own.flatMap((device) => [...device.typed.keys()]));
    expect(docs.map((doc) => doc.doc_id).sort(), `learner ${index}: notes on the server`).toEqual(
      [...noteIds].sort(),
    );
    for (const doc of docs) {
      const body = JSON.parse(doc.body) as { text: string };
      const lines = new Set(body.text.split('\n'));
      const typed = own.flatMap((device) => [...(device.typed.get(doc.doc_id) ?? [])]);
      report.notes += 1;
      report.lines += typed.length;
      expect(
        typed.filter((line) => !lines.has(line)),
        `learner ${index}: lines typed into ${doc.doc_id} that no version kept`,
      ).toEqual([]);
      for (const device of own) {
        const row = await device.db().docs.get(doc.doc_id);
        expect(row, `learner ${index}, device ${device.name}: ${doc.doc_id}`).toMatchObject({
          body,
          rev: doc.rev,
          dirty: 0,
        });
        expect(row?.conflict, `device ${device.name}: unresolved conflict`).toBeUndefined();
      }
    }
  }

  const lost = [...acknowledged].filter((id) => !allStored.has(id));
  expect(lost, 'events the server acknowledged but does not hold').toEqual([]);
  return report;
}
