// Facilitated sessions through the api client against the real server on a loopback port: a facilitator
// starts a session and gets a join code, attendees join by it, ticked names sync later, and a learner's
// rows go with their account.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient } from '../../src/api/api-client';
import type { StartSessionRequest } from '../../src/shared/protocol/session-protocol';
import { makeEvent, makeTestApp, T0, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const HOUR = 60 * 60 * 1000;

describe.each(testDbKinds)('facilitated sessions on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let server: ReturnType<typeof serve>;
  let api: ApiClient;

  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(async () => {
    t = makeTestApp(testDb.db);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function person(name: string) {
    const created = await api.createAccount({
      email: `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID()}@example.org`,
      name,
      password: 'long enough pw',
    });
    if (!created.ok) throw new Error(created.failure.message);
    return created.value;
  }

  const session = (overrides: Partial<StartSessionRequest> = {}): StartSessionRequest => ({
    sessionId: randomUUID(),
    moduleId: 'foundations',
    title: 'Foundations of SEND',
    lessonIds: ['what-sen-means', 'graduated-approach'],
    checks: [{ lessonId: 'what-sen-means', checkId: 'special-provision' }],
    minutes: 20,
    startedAt: new Date(T0).toISOString(),
    followUpOn: '2026-03-16',
    ...overrides,
  });

  it('starts a session with a join code; sending it again gives the same code; another facilitator is refused', async () => {
    const senco = await person('Pat Senco');
    const body = session();
    const first = await api.startSession(senco.token, body);
    if (!first.ok) throw new Error(first.failure.message);
    expect(first.value.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(first.value.expiresAt).toBe(new Date(T0 + 12 * HOUR).toISOString());
    expect(await api.startSession(senco.token, body)).toEqual(first);
    const other = await person('Other');
    const taken = await api.startSession(other.token, body);
    expect(!taken.ok && [taken.failure.status, taken.failure.code]).toEqual([409, 'session_id_taken']);
    const bad = await api.startSession(senco.token, session({ lessonIds: [] }));
    expect(!bad.ok && [bad.failure.status, bad.failure.code]).toEqual([400, 'invalid_request']);
    expect(await testDb.db.kysely.selectFrom('facilitated_sessions').select('id').execute()).toHaveLength(1);
  });

  it('an attendee previews and joins by code, once however often, and the facilitator sees their name', async () => {
    const senco = await person('Pat Senco');
    const started = await api.startSession(senco.token, session());
    if (!started.ok) throw new Error(started.failure.message);
    const ta = await person('Sam Assistant');
    // Codes are read from a screen: lower case and spaces around are forgiven.
    const preview = await api.previewSession(ta.token, ` ${started.value.code.toLowerCase()} `.trim());
    expect(preview.ok && [preview.value.title, preview.value.facilitatorName, preview.value.minutes]).toEqual(
      ['Foundations of SEND', 'Pat Senco', 20],
    );
    // Looking is not joining.
    const before = await api.sessionAttendance(senco.token, started.value.sessionId);
    expect(before.ok && before.value.attendees).toEqual([]);
    const joined = await api.attendSession(ta.token, started.value.code);
    expect(joined.ok && joined.value.lessonIds).toEqual(['what-sen-means', 'graduated-approach']);
    expect((await api.attendSession(ta.token, started.value.code)).ok).toBe(true);
    const after = await api.sessionAttendance(senco.token, started.value.sessionId);
    expect(after.ok && after.value.attendees.map((a) => [a.name, a.via])).toEqual([
      ['Sam Assistant', 'code'],
    ]);

    // The attendee's app records the event; the server takes the new type and gives it back on pull.
    const device = await api.registerDevice(ta.token);
    if (!device.ok) throw new Error(device.failure.message);
    const event = makeEvent(device.value.deviceId, 1, {
      type: 'session-attended',
      lessonId: 'what-sen-means',
      payload: {
        sessionId: started.value.sessionId,
        moduleId: 'foundations',
        lessonIds: ['what-sen-means', 'graduated-approach'],
        checks: [{ lessonId: 'what-sen-means', checkId: 'special-provision' }],
        minutes: 20,
      },
    });
    const pushed = await api.push(ta.token, { deviceId: device.value.deviceId, events: [event], docs: [] });
    expect(pushed.ok && pushed.value.results.map((r) => r.status)).toEqual(['acked']);
    const pulled = await api.pull(ta.token, undefined, 10);
    expect(pulled.ok && pulled.value.events).toEqual([event]);
  });

  it('refuses an unknown, malformed or ended code, and a run of guesses', async () => {
    const senco = await person('Pat Senco');
    const started = await api.startSession(senco.token, session());
    if (!started.ok) throw new Error(started.failure.message);
    const ta = await person('Sam');
    const unknown = await api.attendSession(ta.token, started.value.code === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF');
    expect(!unknown.ok && [unknown.failure.status, unknown.failure.code]).toEqual([404, 'session_not_found']);
    const malformed = await api.previewSession(ta.token, 'no!');
    expect(!malformed.ok && malformed.failure.code).toBe('session_not_found');
    t.clock.now = T0 + 12 * HOUR;
    const ended = await api.attendSession(ta.token, started.value.code);
    expect(!ended.ok && [ended.failure.status, ended.failure.code]).toEqual([410, 'session_ended']);
    expect(await testDb.db.kysely.selectFrom('session_attendees').select('name').execute()).toEqual([]);
    const guesser = await person('Guesser');
    const answers: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const r = await api.previewSession(guesser.token, 'ABCDEF');
      answers.push(r.ok ? 200 : r.failure.status);
    }
    expect(answers.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(answers[20]).toBe(429);
  });

  it('keeps ticked names (typed, no account) beside joined attendees, replacing the ticked list each time', async () => {
    const senco = await person('Pat Senco');
    // Started offline an hour ago and sent now: the id made on the device is kept.
    const body = session({ startedAt: new Date(T0 - HOUR).toISOString() });
    const started = await api.startSession(senco.token, body);
    if (!started.ok) throw new Error(started.failure.message);
    expect(started.value.sessionId).toBe(body.sessionId);
    expect(started.value.expiresAt).toBe(new Date(T0 + 11 * HOUR).toISOString());
    const ta = await person('Sam Assistant');
    await api.attendSession(ta.token, started.value.code);
    const first = await api.putTickedNames(senco.token, body.sessionId, [
      '  Jo  Lunch ',
      'jo lunch',
      'Ali Office',
    ]);
    expect(first.ok && first.value.attendees.map((a) => `${a.name}/${a.via}`).sort()).toEqual([
      'Ali Office/ticked',
      'Jo Lunch/ticked',
      'Sam Assistant/code',
    ]);
    // Sent again after Ali was unticked: Ali goes, Jo stays, the joined attendee is untouched.
    const second = await api.putTickedNames(senco.token, body.sessionId, ['Jo Lunch', 'Kim Site']);
    expect(second.ok && second.value.attendees.map((a) => a.name).sort()).toEqual([
      'Jo Lunch',
      'Kim Site',
      'Sam Assistant',
    ]);
    const empty = await api.putTickedNames(senco.token, body.sessionId, ['   ']);
    expect(!empty.ok && [empty.failure.status, empty.failure.code]).toEqual([400, 'invalid_request']);
    // Nobody else can read or write the list, and they cannot tell it exists.
    const nosy = await api.sessionAttendance(ta.token, body.sessionId);
    expect(!nosy.ok && [nosy.failure.status, nosy.failure.code]).toEqual([404, 'session_not_found']);
    const meddling = await api.putTickedNames(ta.token, body.sessionId, ['Someone']);
    expect(!meddling.ok && meddling.failure.status).toBe(404);
  });

  /** A team led by `leader`, with `members` joined as teaching assistants. */
  async function teamOf(leader: { token: string }, members: { token: string }[]) {
    const team = await api.createTeam(leader.token, 'Oak Tree Nursery');
    if (!team.ok) throw new Error(team.failure.message);
    const invite = await api.createInvite(leader.token, team.value.teamId, { expiresInDays: 14 });
    if (!invite.ok) throw new Error(invite.failure.message);
    for (const m of members) {
      const joined = await api.acceptInvite(m.token, invite.value.code, 'ta');
      if (!joined.ok) throw new Error(joined.failure.message);
    }
    return team.value.teamId;
  }

  it("runs a session for a team: ticked members count for them on the team's dashboard, typed names do not", async () => {
    const senco = await person('Pat Senco');
    const sam = await person('Sam Assistant');
    const kim = await person('Kim Keyworker');
    const lee = await person('Lee Lunch');
    const teamId = await teamOf(senco, [sam, kim, lee]);
    const body = session({ teamId, startedAt: '2026-03-02T15:30:00.000Z' });
    const started = await api.startSession(senco.token, body);
    if (!started.ok) throw new Error(started.failure.message);
    // Kim joins on their phone; Sam is ticked (no signal); a visitor is typed; someone outside the team is
    // sent as a member, and is kept only as a typed name.
    await api.attendSession(kim.token, started.value.code);
    const outsider = await person('Oli Outsider');
    const ticked = await api.putTickedNames(
      senco.token,
      body.sessionId,
      ['Vic Visitor'],
      [
        { learnerId: sam.learnerId, name: 'Sam A.' },
        { learnerId: outsider.learnerId, name: 'Oli Outsider' },
      ],
    );
    expect(ticked.ok && ticked.value.attendees.map((a) => [a.name, a.via, a.learnerId ?? null])).toEqual([
      ['Kim Keyworker', 'code', kim.learnerId],
      ['Oli Outsider', 'ticked', null],
      ['Sam Assistant', 'ticked', sam.learnerId],
      ['Vic Visitor', 'ticked', null],
    ]);
    // Ticked then joining by code is joined by code.
    const again = await api.putTickedNames(
      senco.token,
      body.sessionId,
      ['Vic Visitor'],
      [
        { learnerId: sam.learnerId, name: 'Sam A.' },
        { learnerId: kim.learnerId, name: 'Kim' },
      ],
    );
    expect(again.ok && again.value.attendees.map((a) => `${a.name}/${a.via}`)).toEqual([
      'Kim Keyworker/code',
      'Sam Assistant/ticked',
      'Vic Visitor/ticked',
    ]);
    // A session of the same leader not run for the team is not the team's.
    const elsewhere = await api.startSession(senco.token, session());
    if (!elsewhere.ok) throw new Error(elsewhere.failure.message);
    await api.attendSession(lee.token, elsewhere.value.code);

    const dashboard = await api.teamDashboard(senco.token, teamId);
    if (!dashboard.ok) throw new Error(dashboard.failure.message);
    expect(dashboard.value.sessions).toEqual([
      {
        sessionId: body.sessionId,
        moduleId: 'foundations',
        title: 'Foundations of SEND',
        on: '2026-03-02',
        minutes: 20,
        attended: 2,
      },
    ]);
    const byName = new Map(dashboard.value.members.map((m) => [m.name, m.sessions]));
    const attended = { sessionId: body.sessionId, moduleId: 'foundations', on: '2026-03-02', minutes: 20 };
    expect(byName.get('Sam Assistant')).toEqual([{ ...attended, via: 'ticked' }]);
    expect(byName.get('Kim Keyworker')).toEqual([{ ...attended, via: 'code' }]);
    expect(byName.get('Lee Lunch')).toEqual([]);
    expect(byName.get('Pat Senco')).toEqual([]);
    const record = await api.memberRecord(senco.token, teamId, sam.learnerId);
    expect(record.ok && record.value.sessions).toEqual([{ ...attended, via: 'ticked' }]);

    // Unticked, Sam no longer counts; after leaving the team, Kim is not shown either.
    await api.putTickedNames(senco.token, body.sessionId, ['Vic Visitor'], []);
    expect(await api.removeMember(kim.token, teamId, kim.learnerId)).toMatchObject({ ok: true });
    const after = await api.teamDashboard(senco.token, teamId);
    expect(after.ok && after.value.sessions.map((s) => s.attended)).toEqual([0]);
    expect(after.ok && after.value.members.flatMap((m) => m.sessions)).toEqual([]);
    // Sam's own record gets no event from being ticked: a leader cannot write in someone's record.
    const events = await testDb.db.kysely.selectFrom('events').select('type').execute();
    expect(events).toEqual([]);
  });

  it('only a leader of the team may run a session for it; a member who left is kept as a typed name', async () => {
    const senco = await person('Pat Senco');
    const sam = await person('Sam Assistant');
    const teamId = await teamOf(senco, [sam]);
    const asMember = await api.startSession(sam.token, session({ teamId }));
    expect(!asMember.ok && [asMember.failure.status, asMember.failure.code]).toEqual([403, 'not_a_leader']);
    const stranger = await person('Stan Stranger');
    const asStranger = await api.startSession(stranger.token, session({ teamId }));
    expect(!asStranger.ok && [asStranger.failure.status, asStranger.failure.code]).toEqual([
      404,
      'team_not_found',
    ]);
    const nowhere = await api.startSession(senco.token, session({ teamId: 'no-such-team' }));
    expect(!nowhere.ok && nowhere.failure.status).toBe(404);
    expect(await testDb.db.kysely.selectFrom('facilitated_sessions').select('id').execute()).toEqual([]);

    const body = session({ teamId });
    expect((await api.startSession(senco.token, body)).ok).toBe(true);
    // Ticked offline, sent after Sam left the team: the tick is kept, by name, and counts for no one.
    expect(await api.removeMember(senco.token, teamId, sam.learnerId)).toMatchObject({ ok: true });
    const sent = await api.putTickedNames(
      senco.token,
      body.sessionId,
      [],
      [{ learnerId: sam.learnerId, name: 'Sam Assistant' }],
    );
    expect(sent.ok && sent.value.attendees).toEqual([
      { name: 'Sam Assistant', via: 'ticked', at: new Date(T0).toISOString() },
    ]);
    const bad = await api.putTickedNames(senco.token, body.sessionId, [], [{ learnerId: '', name: 'X' }]);
    expect(!bad.ok && [bad.failure.status, bad.failure.code]).toEqual([400, 'invalid_request']);
    // A deleted team leaves the session with its facilitator.
    expect(await api.deleteTeam(senco.token, teamId)).toMatchObject({ ok: true });
    const left = await api.sessionAttendance(senco.token, body.sessionId);
    expect(left.ok && left.value.attendees.map((a) => a.name)).toEqual(['Sam Assistant']);
  });

  it("a learner's sessions and attendances go with their account", async () => {
    const senco = await person('Pat Senco');
    const started = await api.startSession(senco.token, session());
    if (!started.ok) throw new Error(started.failure.message);
    const ta = await person('Sam');
    const other = await person('Other Senco');
    const theirs = await api.startSession(other.token, session());
    if (!theirs.ok) throw new Error(theirs.failure.message);
    await api.attendSession(ta.token, started.value.code);
    await api.attendSession(ta.token, theirs.value.code);
    await api.putTickedNames(senco.token, started.value.sessionId, ['Jo']);
    await testDb.db.kysely.deleteFrom('learners').where('id', '=', ta.learnerId).execute();
    const left = await api.sessionAttendance(other.token, theirs.value.sessionId);
    expect(left.ok && left.value.attendees).toEqual([]);
    await testDb.db.kysely.deleteFrom('learners').where('id', '=', senco.learnerId).execute();
    const rows = await testDb.db.kysely.selectFrom('session_attendees').select('session_id').execute();
    expect(rows).toEqual([]);
    expect(
      (await testDb.db.kysely.selectFrom('facilitated_sessions').select('id').execute()).map((r) => r.id),
    ).toEqual([theirs.value.sessionId]);
  });
});
