// The progress leaders see is the device's own fold: after pushes in any order, with duplicates re-sent
// and completions voided (some voids arriving before what they void, some naming another lesson), the
// kept rows give exactly what foldProgress and dueRefreshers give over the same events.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { courseIndex } from '../../server/teams/course-index';
import { refoldLearner } from '../../server/teams/keep-progress';
import type { LearnerEvent } from '../../src/shared/progress/events';
import { formatHlc } from '../../src/shared/progress/hlc';
import { foldProgress } from '../../src/shared/progress/progress';
import { dueRefreshers } from '../../src/shared/progress/refresher-schedule';
import type { MemberRecord, TeamDashboard } from '../../src/shared/protocol/team-protocol';
import {
  courseDist,
  createInvite,
  createTeam,
  join,
  type Person,
  person,
  TEST_CATALOG,
} from './support/team-fixture';
import { json, makeTestApp, T0, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const DAY = 24 * 60 * 60 * 1000;
const dist = courseDist();
const LESSONS = ['f1', 'f2', 'a1', 'x1', 'x2', 'x3', 'not-in-course'];
const lessonModule = new Map(
  TEST_CATALOG.modules.flatMap((m) => m.lessons.map((l) => [l.id, m.id] as const)),
);

/** A small seeded generator (mulberry32), so a failing seed can be run again. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

function history(seed: number, deviceId: string): LearnerEvent[] {
  const r = random(seed);
  const events: LearnerEvent[] = [];
  const completions: LearnerEvent[] = [];
  for (let i = 0; i < 80; i++) {
    const wall = T0 - 20 * DAY + i * 3 * 60 * 60 * 1000;
    const base = {
      id: randomUUID(),
      deviceId,
      deviceSeq: i + 1,
      at: new Date(wall).toISOString(),
      hlc: formatHlc({ wall, counter: 0, node: deviceId.slice(0, 8) }),
      lessonId: r.pick(LESSONS),
    };
    const kind = r.next();
    if (kind < 0.2) events.push({ ...base, type: 'lesson-opened', payload: {} });
    else if (kind < 0.4) {
      const event: LearnerEvent = { ...base, type: 'lesson-completed', payload: {} };
      completions.push(event);
      events.push(event);
    } else if (kind < 0.6) {
      events.push({
        ...base,
        type: 'time-spent',
        // Few interval ids, so the same interval is reported more than once.
        payload: { intervalId: `i${Math.floor(r.next() * 6)}`, ms: Math.floor(r.next() * 600_000) },
      });
    } else if (kind < 0.75) {
      events.push({
        ...base,
        type: 'check-answered',
        payload: { checkId: r.pick(['c1', 'c2']), optionIds: ['o1'], correct: r.next() < 0.7 },
      });
    } else if (kind < 0.85) {
      events.push({
        ...base,
        type: 'refresher-answered',
        payload: { checkId: r.pick(['c1', 'c2']), optionIds: ['o1'], correct: r.next() < 0.6 },
      });
    } else if (completions.length > 0) {
      // Voids a completion; its own lessonId is sometimes another lesson's.
      events.push({ ...base, type: 'voided', payload: { eventId: r.pick(completions).id } });
    }
  }
  return events;
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = random(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe.each(testDbKinds)('team progress kept with the device fold on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let leader: Person;
  let staff: Person;
  let teamId: string;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(async () => {
    t = makeTestApp(testDb.db, { distDir: dist });
    leader = await person(t, 'Lee Leader', 'lee@school.example');
    staff = await person(t, 'Sam Staff', 'sam@school.example');
    teamId = (await createTeam(t, leader, 'School')).teamId;
  });

  const pushAll = async (events: LearnerEvent[], seed: number) => {
    const r = random(seed);
    let rest = shuffled(events, seed);
    while (rest.length > 0) {
      const size = 1 + Math.floor(r.next() * 15);
      const batch = rest.slice(0, size);
      rest = rest.slice(size);
      // A few already-sent events ride along again, as after a lost answer.
      const again = shuffled(events, seed + rest.length).slice(0, 3);
      const ids = new Set(batch.map((e) => e.id));
      const body = { deviceId: staff.deviceId, events: [...batch, ...again.filter((e) => !ids.has(e.id))] };
      const res = await t.call('POST', '/api/v1/sync/push', { token: staff.token, body });
      expect(res.status).toBe(200);
    }
  };

  const expectMatchesFold = async (events: LearnerEvent[]) => {
    const progress = foldProgress(events);
    const record = await json<MemberRecord>(
      await t.call('GET', `/api/v1/teams/${teamId}/members/${staff.learnerId}`, { token: leader.token }),
    );
    for (const module of TEST_CATALOG.modules) {
      const lessons = module.lessons.map((l) => progress.get(l.id)).filter((l) => l !== undefined);
      const done = lessons.filter((l) => l.completed);
      const shown = record.modules.find((m) => m.moduleId === module.id);
      if (lessons.length === 0) {
        expect(shown, module.id).toBeUndefined();
        continue;
      }
      const ms = lessons.reduce((sum, l) => sum + l.msSpent, 0);
      expect(shown, module.id).toMatchObject({
        lessonsCompleted: done.length,
        lessonsTotal: module.lessons.length,
        minutes: Math.round(ms / 60_000),
      });
      expect(shown?.lessons.map((l) => l.lessonId).sort()).toEqual(done.map((l) => l.lessonId).sort());
      for (const lesson of shown?.lessons ?? []) {
        expect(lesson.completedOn).toBe(progress.get(lesson.lessonId)?.completedAt?.slice(0, 10));
      }
      expect(shown?.completedOn !== undefined).toBe(done.length === module.lessons.length);
    }
    const due = dueRefreshers(events, new Date(t.clock.now)).filter((d) => lessonModule.has(d.lessonId));
    expect(record.refreshersDue).toBe(due.length);
    const dashboard = await json<TeamDashboard>(
      await t.call('GET', `/api/v1/teams/${teamId}/dashboard`, { token: leader.token }),
    );
    const row = dashboard.members.find((m) => m.learnerId === staff.learnerId);
    expect(row?.refreshersDue).toBe(due.length);
    expect(row?.lessonsCompleted).toBe(
      [...progress.values()].filter((l) => l.completed && lessonModule.has(l.lessonId)).length,
    );
  };

  it.each([1, 2, 3, 4, 5])(
    'seed %i: pushed in any order with duplicates and voids, as the fold says',
    async (seed) => {
      const events = history(seed, staff.deviceId);
      // Half pushed before joining (no team sees them: nothing kept until joining folds them all), half after.
      const half = Math.floor(events.length / 2);
      await pushAll(events.slice(0, half), seed);
      const kept = await testDb.db.kysely
        .selectFrom('module_progress')
        .select('module_id')
        .where('learner_id', '=', staff.learnerId)
        .execute();
      expect(kept).toEqual([]);
      const invite = await createInvite(t, leader, teamId);
      expect((await join(t, staff, invite.code)).status).toBe(201);
      await pushAll(events.slice(half), seed + 100);
      t.clock.now = T0 + 3 * DAY;
      await expectMatchesFold(events);
    },
  );

  const eventOf = (who: Person, lessonId: string, n: number, extra: Partial<LearnerEvent>): LearnerEvent =>
    ({
      id: randomUUID(),
      deviceId: who.deviceId,
      deviceSeq: n,
      at: new Date(T0 - DAY + n * 1000).toISOString(),
      hlc: formatHlc({ wall: T0 - DAY + n * 1000, counter: 0, node: who.deviceId.slice(0, 8) }),
      lessonId,
      ...extra,
    }) as LearnerEvent;
  const completed = { type: 'lesson-completed', payload: {} } as const;
  const spent = (ms: number) => ({ type: 'time-spent', payload: { intervalId: randomUUID(), ms } }) as const;

  it('a voided completion undoes the module’s completion, even when the void names another lesson', async () => {
    const invite = await createInvite(t, leader, teamId);
    await join(t, staff, invite.code);
    const f1 = eventOf(staff, 'f1', 1, completed);
    const f2 = eventOf(staff, 'f2', 2, completed);
    // The void names another lesson: the server finds its target's lesson itself.
    const undo = eventOf(staff, 'a1', 3, { type: 'voided', payload: { eventId: f2.id } });
    const record = async () =>
      json<MemberRecord>(
        await t.call('GET', `/api/v1/teams/${teamId}/members/${staff.learnerId}`, { token: leader.token }),
      );
    await t.call('POST', '/api/v1/sync/push', {
      token: staff.token,
      body: { deviceId: staff.deviceId, events: [f1, f2] },
    });
    expect((await record()).modules[0]).toMatchObject({ moduleId: 'foundations', lessonsCompleted: 2 });
    expect((await record()).modules[0]?.completedOn).toBeDefined();
    await t.call('POST', '/api/v1/sync/push', {
      token: staff.token,
      body: { deviceId: staff.deviceId, events: [undo] },
    });
    expect((await record()).modules[0]).toMatchObject({ moduleId: 'foundations', lessonsCompleted: 1 });
    expect((await record()).modules[0]?.completedOn).toBeUndefined();
    await expectMatchesFold([f1, f2, undo]);
  });

  // On PostgreSQL a push reads membership and stored events with its lock, from a snapshot taken before it
  // waited for the lock: a join committed meanwhile is missing from that read, and the push must notice.
  it('creating a team keeps the creator’s progress from before, as joining does', async () => {
    const head = await person(t, 'Hana Head', 'hana@school.example');
    const push = (app: TestApp, events: LearnerEvent[]) =>
      app.call('POST', '/api/v1/sync/push', { token: head.token, body: { deviceId: head.deviceId, events } });
    await push(t, [eventOf(head, 'f1', 1, completed), eventOf(head, 'f2', 2, completed)]);
    const own = (await createTeam(t, head, 'Head’s own')).teamId;
    const record = async () =>
      json<MemberRecord>(
        await t.call('GET', `/api/v1/teams/${own}/members/${head.learnerId}`, { token: head.token }),
      );
    expect((await record()).modules.find((m) => m.moduleId === 'foundations')).toMatchObject({
      lessonsCompleted: 2,
    });
    // And a later push folds on from there, not from nothing.
    await push(t, [eventOf(head, 'f1', 3, spent(120_000))]);
    expect((await record()).modules.find((m) => m.moduleId === 'foundations')).toMatchObject({
      lessonsCompleted: 2,
      minutes: 2,
    });
  });

  it('a lesson a new course build moved into another module keeps its history there', async () => {
    const invite = await createInvite(t, leader, teamId);
    await join(t, staff, invite.code);
    const push = (app: TestApp, events: LearnerEvent[]) =>
      app.call('POST', '/api/v1/sync/push', {
        token: staff.token,
        body: { deviceId: staff.deviceId, events },
      });
    await push(t, [eventOf(staff, 'x1', 1, completed)]);
    // The next build moves x1 from "extra" into "four-areas", where this learner has no row yet.
    const x1 = TEST_CATALOG.modules.flatMap((m) => m.lessons).find((l) => l.id === 'x1');
    const moved = {
      ...TEST_CATALOG,
      version: 'v2',
      modules: TEST_CATALOG.modules.map((m) =>
        m.id === 'four-areas'
          ? { ...m, lessons: [...m.lessons, x1 as (typeof m.lessons)[number]] }
          : { ...m, lessons: m.lessons.filter((l) => l.id !== 'x1') },
      ),
    };
    const rebuilt = makeTestApp(testDb.db, { distDir: courseDist(moved) });
    await push(rebuilt, [eventOf(staff, 'x1', 2, spent(60_000))]);
    const record = await json<MemberRecord>(
      await rebuilt.call('GET', `/api/v1/teams/${teamId}/members/${staff.learnerId}`, {
        token: leader.token,
      }),
    );
    expect(record.modules.find((m) => m.moduleId === 'four-areas')).toMatchObject({
      lessonsCompleted: 1,
      lessonsTotal: 2,
      minutes: 1,
    });
  });

  it('a row kept before states were kept is folded again from the events, not on from nothing', async () => {
    const invite = await createInvite(t, leader, teamId);
    await join(t, staff, invite.code);
    const push = (events: LearnerEvent[]) =>
      t.call('POST', '/api/v1/sync/push', { token: staff.token, body: { deviceId: staff.deviceId, events } });
    await push([eventOf(staff, 'f1', 1, completed)]);
    // As migration 0016 left rows written before it: no state to fold on from.
    await testDb.db.kysely
      .updateTable('module_progress')
      .set({ fold_state: null })
      .where('learner_id', '=', staff.learnerId)
      .execute();
    const f2 = eventOf(staff, 'f2', 2, completed);
    expect((await push([f2])).status).toBe(200);
    const record = await json<MemberRecord>(
      await t.call('GET', `/api/v1/teams/${teamId}/members/${staff.learnerId}`, { token: leader.token }),
    );
    expect(record.modules.find((m) => m.moduleId === 'foundations')).toMatchObject({ lessonsCompleted: 2 });
    const row = await testDb.db.kysely
      .selectFrom('module_progress')
      .select('fold_state')
      .where('learner_id', '=', staff.learnerId)
      .where('module_id', '=', 'foundations')
      .executeTakeFirst();
    expect(row?.fold_state).toContain('"f2"');
  });

  if (kind !== 'postgres') return;
  it('a push that waited for a join in progress folds its events for the team', async () => {
    const completion = eventOf(staff, 'f1', 1, completed);
    let commitJoin = () => {};
    const joinMayCommit = new Promise<void>((resolve) => {
      commitJoin = resolve;
    });
    let joinHoldsLock = () => {};
    const lockHeld = new Promise<void>((resolve) => {
      joinHoldsLock = resolve;
    });
    // What the join route does, held open: membership, then the learner's row and the fold.
    const joining = testDb.db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('team_members')
        .values({
          team_id: teamId,
          learner_id: staff.learnerId,
          team_role: 'member',
          staff_role: 'teacher',
          joined_at: T0,
        })
        .execute();
      await refoldLearner(trx, staff.learnerId, courseIndex(TEST_CATALOG));
      joinHoldsLock();
      await joinMayCommit;
    });
    await lockHeld;
    const push = t.call('POST', '/api/v1/sync/push', {
      token: staff.token,
      body: { deviceId: staff.deviceId, events: [completion] },
    });
    // The push has begun its lock statement (and so taken its snapshot) once it waits on the lock.
    await expect
      .poll(
        async () =>
          (
            await sql<{ waiting: number }>`select count(*)::int as waiting from pg_stat_activity
              where wait_event_type = 'Lock' and datname = current_database()`.execute(testDb.db.kysely)
          ).rows[0]?.waiting,
      )
      .toBe(1);
    commitJoin();
    await joining;
    expect((await push).status).toBe(200);
    const record = await json<MemberRecord>(
      await t.call('GET', `/api/v1/teams/${teamId}/members/${staff.learnerId}`, { token: leader.token }),
    );
    expect(record.modules.find((m) => m.moduleId === 'foundations')).toMatchObject({ lessonsCompleted: 1 });
  });
});
