// Forwarding a team's statements to an external LRS (docs/xapi.md, "Forwarding"), tested against a second
// instance of our own Statements resource on a real port (always SQLite: it stands for the other system),
// with the forwarder's database on each test database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { loadCourseIndex } from '../../server/teams/course-index';
import { type ForwarderDeps, forwardOnce, retryDelayMs, voidingIdOf } from '../../server/xapi/xapi-forwarder';
import {
  courseDist,
  createInvite,
  join,
  type Person,
  person,
  pushEvents,
  setRole,
  teamWithMembers,
} from './support/team-fixture';
import { listen, makeEvent, makeTestApp, type TestApp } from './support/test-app';
import { openTestDb, type TestDb, testDbKinds } from './support/test-databases';
import { makeXapiKey, type XapiKey, xapiRequest } from './support/xapi-fixture';

type Statement = Record<string, unknown> & { id: string };
const ADL = 'http://adlnet.gov/expapi/verbs';
const dist = courseDist();

describe('retryDelayMs', () => {
  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [9, 256 * 60_000],
    [10, 6 * 60 * 60_000],
    [40, 6 * 60 * 60_000],
  ])('after failure %i waits %i ms', (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms);
  });
});

describe('voidingIdOf', () => {
  it('is a UUID the Statements resource accepts, the same every time, different per statement', () => {
    const a = randomUUID();
    expect(voidingIdOf(a)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(voidingIdOf(a)).toBe(voidingIdOf(a));
    expect(voidingIdOf(a)).not.toBe(voidingIdOf(randomUUID()));
  });
});

describe.each(testDbKinds)('xAPI forwarding on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let lrsDb: TestDb;
  let lrs: TestApp;
  let lrsServer: Awaited<ReturnType<typeof listen>>;
  let lrsBase = '';
  /** What the LRS does: answer normally, or fail every request with this status. */
  const lrsState = { failWith: 0, puts: [] as string[] };
  let lrsKey: XapiKey = { id: '', secret: '' };
  let owner: Person;
  let member: Person;
  let member2: Person;
  let teamId = '';
  const logs: string[] = [];
  const forwarder = (): ForwarderDeps => ({
    db: testDb.db,
    course: loadCourseIndex(dist, () => undefined),
    logger: createLogger('debug', (line) => logs.push(line)),
    // The stand-in LRS is on the loopback, which only an operator's XAPI_FORWARD_ALLOW_PRIVATE opens.
    allowPrivateAddresses: true,
  });

  beforeAll(async () => {
    testDb = await openTestDb(kind);
    t = makeTestApp(testDb.db, { distDir: dist, xapiForwardAllowPrivate: true });
    lrsDb = await openTestDb('sqlite');
    lrs = makeTestApp(lrsDb.db, { distDir: dist });
    lrsServer = await listen((req) => {
      if (req.method === 'PUT') lrsState.puts.push(new URL(req.url).searchParams.get('statementId') ?? '');
      if (lrsState.failWith) return new Response('LRS down for maintenance', { status: lrsState.failWith });
      return lrs.app.fetch(req);
    });
    lrsBase = lrsServer.base;
  });
  afterAll(async () => {
    await lrsServer.close();
    await lrsDb.close();
    await testDb.close();
  });
  beforeEach(async () => {
    await testDb.reset();
    await lrsDb.reset();
    lrsState.failWith = 0;
    lrsState.puts = [];
    const college = await person(lrs, 'College LRS', `lrs-${randomUUID()}@college.example`);
    lrsKey = await makeXapiKey(lrs, college.token, '/account/xapi-keys', {
      label: 'Pocket CPD forward',
      writable: true,
    });
    owner = await person(t, 'Olu Owner', `owner-${randomUUID()}@example.org`);
    member = await person(t, 'Mo Member', `member-${randomUUID()}@example.org`);
    member2 = await person(t, 'Mia Member', `member2-${randomUUID()}@example.org`);
    ({ teamId } = await teamWithMembers(t, owner, 'Oak Room', [member, member2]));
  }, 30_000);

  const push = (who: Person, events: unknown[]) => pushEvents(t, who, events);
  const setForward = (by: Person, body: Record<string, unknown> = {}) =>
    t.call('PUT', `/api/v1/teams/${teamId}/xapi-forward`, {
      token: by.token,
      body: { endpoint: `${lrsBase}/xapi/`, keyName: lrsKey.id, keySecret: lrsKey.secret, ...body },
    });
  const forwardStatus = async () => {
    const res = await t.call('GET', `/api/v1/teams/${teamId}/xapi-forward`, { token: owner.token });
    expect(res.status).toBe(200);
    return ((await res.json()) as { forward: Record<string, unknown> | null }).forward;
  };
  /** What the LRS holds, read through its own Statements resource. */
  const atLrs = async (query = '') => {
    const res = await xapiRequest(lrsBase, lrsKey, 'GET', `/xapi/statements${query}`);
    return { status: res.status, body: (await res.json()) as { statements: Statement[] } & Statement };
  };

  it('sets up forwarding without ever answering with the secret, and refuses an endpoint it cannot use', async () => {
    const set = await setForward(owner);
    expect(set.status).toBe(200);
    const text = await set.text();
    expect(text).not.toContain(lrsKey.secret);
    expect(JSON.parse(text).forward).toMatchObject({
      endpoint: `${lrsBase}/xapi/`,
      keyName: lrsKey.id,
      active: true,
      lastDeliveryAt: null,
      lastError: null,
      pending: 0,
    });
    expect(JSON.stringify(await forwardStatus())).not.toContain(lrsKey.secret);
    for (const [endpoint, why] of [
      ['ftp://lrs.example/', /https:\/\//],
      ['https://u:p@lrs.example/', /user name and password/],
      ['https://lrs.example/xapi/?tenant=1', /query/],
      ['lrs', /https:\/\//],
    ] as const) {
      const res = await setForward(owner, { endpoint });
      expect(res.status, endpoint).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(why);
    }
    expect((await setForward(owner, { keySecret: '' })).status).toBe(400);
  });

  it('without XAPI_FORWARD_ALLOW_PRIVATE refuses http and every address in its own network, saying why', async () => {
    const strict = makeTestApp(testDb.db, { distDir: dist });
    for (const [endpoint, why] of [
      ['http://lrs.example/xapi/', /must start with https:\/\//],
      ['https://localhost/xapi/', /this server itself/],
      ['https://127.0.0.1/xapi/', /loopback/],
      ['https://2130706433/xapi/', /127\.0\.0\.1 is a loopback/],
      ['https://[::1]/xapi/', /loopback/],
      ['https://[::ffff:127.0.0.1]/xapi/', /loopback address \(127\.0\.0\.1 inside an IPv6 address\)/],
      ['https://10.1.2.3/xapi/', /private/],
      ['https://192.168.0.20/xapi/', /private/],
      ['https://169.254.169.254/latest/', /cloud metadata/],
      ['https://[fd12:3456::1]/xapi/', /unique-local/],
      ['https://[fe80::1]/xapi/', /link-local/],
      // A name inside and a name not found read the same, without the address.
      [
        'https://lrs.intranet.example/xapi/',
        /^lrs\.intranet\.example cannot be reached from this server or points inside a private network/,
      ],
      [
        'https://lrs.nowhere.test/xapi/',
        /^lrs\.nowhere\.test cannot be reached from this server or points inside a private network/,
      ],
    ] as const) {
      const res = await strict.call('PUT', `/api/v1/teams/${teamId}/xapi-forward`, {
        token: owner.token,
        body: { endpoint, keyName: lrsKey.id, keySecret: lrsKey.secret },
      });
      expect(res.status, endpoint).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.message, endpoint).toMatch(why);
    }
    expect(await forwardStatus()).toBeNull();
    const publicLrs = await strict.call('PUT', `/api/v1/teams/${teamId}/xapi-forward`, {
      token: owner.token,
      body: { endpoint: 'https://lrs.college.example/xapi/', keyName: lrsKey.id, keySecret: lrsKey.secret },
    });
    expect(publicLrs.status).toBe(200);
  });

  it('checks the address again when sending: a forward to the loopback is not sent once private addresses are not allowed', async () => {
    expect((await setForward(owner)).status).toBe(200);
    await push(member, [makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' })]);
    const strict = { ...forwarder(), allowPrivateAddresses: false };
    expect(await forwardOnce(strict, t.clock.now)).toMatchObject({ enqueued: 1, sent: 0, failed: 1 });
    expect(await forwardStatus()).toMatchObject({
      pending: 1,
      lastError: expect.stringMatching(
        /^Could not reach the LRS: The LRS’s address must start with https:\/\//,
      ),
    });
    // An https address kept from before (or a name that now points inside) is refused before connecting.
    await testDb.db.kysely
      .updateTable('xapi_forwards')
      .set({ endpoint: `${lrsBase.replace('http:', 'https:')}/xapi/` })
      .execute();
    expect(await forwardOnce(strict, t.clock.now + retryDelayMs(1))).toMatchObject({ sent: 0, failed: 1 });
    expect(await forwardStatus()).toMatchObject({
      pending: 1,
      lastError: expect.stringContaining('127.0.0.1 is a loopback address'),
    });
    expect(lrsState.puts).toEqual([]);
  });

  it('forwards completions only, dates only, through a failure, a retry and a restart: each sent once, none lost', async () => {
    expect((await setForward(owner)).status).toBe(200);
    const opened = makeEvent(member.deviceId, 1, { lessonId: 'f1' });
    const completed = makeEvent(member.deviceId, 2, { lessonId: 'f1', type: 'lesson-completed' });
    await push(member, [opened, completed]);

    lrsState.failWith = 503;
    const now = t.clock.now;
    expect(await forwardOnce(forwarder(), now)).toMatchObject({ enqueued: 1, sent: 0, failed: 1 });
    expect(await forwardStatus()).toMatchObject({
      lastDeliveryAt: null,
      lastError: expect.stringContaining('503'),
      pending: 1,
      sent: 0,
    });
    // Backing off: nothing is tried again before the delay is up.
    lrsState.failWith = 0;
    expect(await forwardOnce(forwarder(), now + retryDelayMs(1) - 1)).toMatchObject({ sent: 0, failed: 0 });
    expect(lrsState.puts).toEqual([completed.id]);

    expect(await forwardOnce(forwarder(), now + retryDelayMs(1))).toMatchObject({ enqueued: 0, sent: 1 });
    expect(lrsState.puts).toEqual([completed.id, completed.id]);
    const { body } = await atLrs();
    expect(body.statements.map((s) => s.id)).toEqual([completed.id]);
    expect(body.statements[0]).toMatchObject({
      actor: { account: { name: member.learnerId } },
      verb: { id: `${ADL}/completed` },
      timestamp: expect.stringMatching(/T00:00:00(\.000)?Z$/),
    });
    expect(await forwardStatus()).toMatchObject({
      lastDeliveryAt: new Date(now + retryDelayMs(1)).toISOString(),
      lastError: null,
      pending: 0,
      sent: 1,
    });

    // A restarted forwarder (fresh deps, same database) sends nothing again; a new completion goes once.
    const later = makeEvent(member2.deviceId, 1, { lessonId: 'f2', type: 'lesson-completed' });
    await push(member2, [later]);
    expect(await forwardOnce(forwarder(), now + retryDelayMs(1) + 1000)).toMatchObject({
      enqueued: 1,
      sent: 1,
    });
    expect(await forwardOnce(forwarder(), now + retryDelayMs(1) + 2000)).toMatchObject({
      enqueued: 0,
      sent: 0,
    });
    expect(lrsState.puts).toEqual([completed.id, completed.id, later.id]);
    expect((await atLrs()).body.statements.map((s) => s.id).sort()).toEqual([completed.id, later.id].sort());
  });

  it('a statement the LRS refuses (409) is kept as refused and does not hold back the others', async () => {
    expect((await setForward(owner)).status).toBe(200);
    const first = makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
    const second = makeEvent(member2.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
    await push(member, [first]);
    await push(member2, [second]);
    // The LRS already holds something else under the first id.
    const clash = await xapiRequest(lrsBase, lrsKey, 'PUT', `/xapi/statements?statementId=${first.id}`, {
      body: {
        actor: { mbox: 'mailto:someone@college.example' },
        verb: { id: `${ADL}/experienced` },
        object: { id: 'https://college.example/other' },
      },
    });
    expect(clash.status).toBe(204);
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ sent: 1, refused: 1 });
    expect(await forwardOnce(forwarder(), t.clock.now + 24 * 60 * 60 * 1000)).toMatchObject({
      sent: 0,
      refused: 0,
    });
    expect(await forwardStatus()).toMatchObject({ sent: 1, refused: 1, pending: 0 });
    expect((await atLrs(`?statementId=${second.id}`)).status).toBe(200);
  });

  it('a completion undone after it was sent is voided at the LRS', async () => {
    expect((await setForward(owner)).status).toBe(200);
    const completed = makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
    await push(member, [completed]);
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ sent: 1 });
    await push(member, [
      makeEvent(member.deviceId, 2, { type: 'voided', payload: { eventId: completed.id } }),
    ]);
    expect(await forwardOnce(forwarder(), t.clock.now + 1000)).toMatchObject({ enqueued: 1, sent: 1 });
    expect(lrsState.puts).toEqual([completed.id, voidingIdOf(completed.id)]);
    expect((await atLrs(`?statementId=${completed.id}`)).status).toBe(404);
    expect((await atLrs(`?voidedStatementId=${completed.id}`)).status).toBe(200);
    expect(await forwardOnce(forwarder(), t.clock.now + 2000)).toMatchObject({ enqueued: 0, sent: 0 });
  });

  const cursors = async () =>
    Object.fromEntries(
      (
        await testDb.db.kysely
          .selectFrom('xapi_forward_cursors')
          .select(['learner_id', 'seq'])
          .where('team_id', '=', teamId)
          .execute()
      ).map((r) => [r.learner_id, Number(r.seq)]),
    );

  it('a tick reads only what came in since the cursor; an old event synced late is still forwarded', async () => {
    expect((await setForward(owner)).status).toBe(200);
    const first = makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
    await push(member, [makeEvent(member.deviceId, 2, { lessonId: 'f1' }), first]);
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ read: 1, enqueued: 1, sent: 1 });
    expect(await cursors()).toEqual({ [owner.learnerId]: 0, [member.learnerId]: 2, [member2.learnerId]: 0 });
    // Nothing new: the tick reads no event at all, however many are stored.
    expect(await forwardOnce(forwarder(), t.clock.now + 60_000)).toMatchObject({ read: 0, enqueued: 0 });

    // A tablet offline for a week syncs a completion made then: it is after the cursor (received now).
    const weekOld = new Date(t.clock.now - 7 * 24 * 60 * 60 * 1000).toISOString();
    const late = makeEvent(member.deviceId, 3, { lessonId: 'f2', type: 'lesson-completed', at: weekOld });
    await push(member, [late]);
    expect(await forwardOnce(forwarder(), t.clock.now + 120_000)).toMatchObject({
      read: 1,
      enqueued: 1,
      sent: 1,
    });
    expect(lrsState.puts).toEqual([first.id, late.id]);
    expect((await atLrs(`?statementId=${late.id}`)).body).toMatchObject({
      timestamp: `${weekOld.slice(0, 10)}T00:00:00.000Z`,
    });
  });

  it('a member who only opened lessons is read once: the cursor moves to their last event, not only to a completion', async () => {
    expect((await setForward(owner)).status).toBe(200);
    await push(member2, [
      makeEvent(member2.deviceId, 1, { lessonId: 'f1', type: 'lesson-opened' }),
      makeEvent(member2.deviceId, 2, { lessonId: 'f2', type: 'lesson-opened' }),
    ]);
    await push(member, [
      makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' }),
      makeEvent(member.deviceId, 2, { lessonId: 'f2', type: 'lesson-opened' }),
      makeEvent(member.deviceId, 3, { lessonId: 'f3', type: 'lesson-opened' }),
    ]);
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ read: 1, enqueued: 1, sent: 1 });
    expect(await cursors()).toEqual({ [owner.learnerId]: 0, [member.learnerId]: 3, [member2.learnerId]: 2 });
    expect(await forwardOnce(forwarder(), t.clock.now + 60_000)).toMatchObject({ read: 0, enqueued: 0 });
    // Only non-completion events since: the cursor still moves, with nothing read or queued.
    await push(member2, [makeEvent(member2.deviceId, 3, { lessonId: 'f3', type: 'lesson-opened' })]);
    expect(await forwardOnce(forwarder(), t.clock.now + 120_000)).toMatchObject({ read: 0, enqueued: 0 });
    expect(await cursors()).toMatchObject({ [member2.learnerId]: 3 });
  });

  it('a second forwarder continues from the cursor after a restart in the middle: nothing lost, nothing twice', async () => {
    expect((await setForward(owner)).status).toBe(200);
    const one = makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
    const two = makeEvent(member2.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
    await push(member, [one]);
    await push(member2, [two]);
    // The first process queues both, then the LRS fails and the process stops.
    lrsState.failWith = 503;
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ read: 2, enqueued: 2, failed: 1 });
    lrsState.failWith = 0;
    // It stopped after queueing one member's completion but before moving that member's cursor.
    await testDb.db.kysely
      .updateTable('xapi_forward_cursors')
      .set({ seq: 0 })
      .where('learner_id', '=', member.learnerId)
      .execute();
    const three = makeEvent(member2.deviceId, 2, { lessonId: 'f2', type: 'lesson-completed' });
    await push(member2, [three]);

    // A new instance (fresh deps, same database) reads from the cursors and sends each statement once.
    const second = forwarder();
    expect(await forwardOnce(second, t.clock.now + retryDelayMs(1))).toMatchObject({
      read: 2,
      enqueued: 1,
      sent: 3,
    });
    expect(await forwardOnce(second, t.clock.now + retryDelayMs(1) + 60_000)).toMatchObject({
      read: 0,
      sent: 0,
    });
    expect([...lrsState.puts.slice(1)].sort()).toEqual([one.id, two.id, three.id].sort());
    expect((await atLrs()).body.statements).toHaveLength(3);
    expect(await cursors()).toMatchObject({ [member.learnerId]: 1, [member2.learnerId]: 2 });
  });

  it('a member who leaves and comes back is read again from the start; what was sent is not sent again', async () => {
    expect((await setForward(owner)).status).toBe(200);
    const sent = makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
    await push(member, [sent]);
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ sent: 1 });
    lrsState.failWith = 503;
    const waiting = makeEvent(member.deviceId, 2, { lessonId: 'f2', type: 'lesson-completed' });
    await push(member, [waiting]);
    expect(await forwardOnce(forwarder(), t.clock.now + 1000)).toMatchObject({ enqueued: 1, failed: 1 });
    const left = await t.call('DELETE', `/api/v1/teams/${teamId}/members/${member.learnerId}`, {
      token: member.token,
    });
    expect(left.status).toBe(204);
    expect(await forwardOnce(forwarder(), t.clock.now + 2000)).toMatchObject({ read: 0, sent: 0 });
    expect(Object.keys(await cursors())).not.toContain(member.learnerId);

    lrsState.failWith = 0;
    const invite = await createInvite(t, owner, teamId);
    expect((await join(t, member, invite.code)).status).toBe(201);
    expect(await forwardOnce(forwarder(), t.clock.now + 3000)).toMatchObject({
      read: 2,
      enqueued: 1,
      sent: 1,
    });
    expect(lrsState.puts).toEqual([sent.id, waiting.id, waiting.id]);
  });

  it('a member who leaves is no longer forwarded, not even what was waiting', async () => {
    expect((await setForward(owner)).status).toBe(200);
    await push(member, [makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' })]);
    lrsState.failWith = 503;
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ enqueued: 1, failed: 1 });
    const left = await t.call('DELETE', `/api/v1/teams/${teamId}/members/${member.learnerId}`, {
      token: member.token,
    });
    expect(left.status).toBe(204);
    lrsState.failWith = 0;
    const kept = makeEvent(member2.deviceId, 1, { lessonId: 'f2', type: 'lesson-completed' });
    await push(member2, [kept]);
    expect(await forwardOnce(forwarder(), t.clock.now + retryDelayMs(1))).toMatchObject({ sent: 1 });
    expect((await atLrs()).body.statements.map((s) => s.id)).toEqual([kept.id]);
    expect(await forwardStatus()).toMatchObject({ pending: 0, sent: 1 });
  });

  it('stops when the leader who set it up steps down, and another leader can set it up again', async () => {
    await setRole(t, owner, teamId, member, 'leader');
    expect((await setForward(member)).status).toBe(200);
    await setRole(t, owner, teamId, member, 'member');
    const completed = makeEvent(member2.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
    await push(member2, [completed]);
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ enqueued: 0, sent: 0 });
    expect(lrsState.puts).toEqual([]);
    expect(await forwardStatus()).toMatchObject({ active: false });

    expect((await setForward(owner)).status).toBe(200);
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ sent: 1 });
    expect(lrsState.puts).toEqual([completed.id]);
  });

  it('DELETE stops forwarding and forgets the LRS and its secret', async () => {
    expect((await setForward(owner)).status).toBe(200);
    await push(member, [makeEvent(member.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' })]);
    const stopped = await t.call('DELETE', `/api/v1/teams/${teamId}/xapi-forward`, { token: owner.token });
    expect(stopped.status).toBe(204);
    expect(await forwardStatus()).toBeNull();
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ enqueued: 0, sent: 0 });
    expect(await testDb.db.kysely.selectFrom('xapi_forwards').selectAll().execute()).toEqual([]);
    expect(await testDb.db.kysely.selectFrom('xapi_outbox').selectAll().execute()).toEqual([]);
  });

  it('"Download my data" holds the forward and the outbox without the LRS secret; deleting the accounts removes them', async () => {
    await setRole(t, owner, teamId, member, 'leader');
    expect((await setForward(member)).status).toBe(200);
    await push(member2, [makeEvent(member2.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' })]);
    expect(await forwardOnce(forwarder(), t.clock.now)).toMatchObject({ sent: 1 });

    const leaderData = await t.call('GET', '/api/v1/account/data', { token: member.token });
    expect(leaderData.status).toBe(200);
    const leaderText = await leaderData.text();
    expect(leaderText).toContain('xapi_forwards');
    expect(leaderText).not.toContain(lrsKey.secret);
    const memberData = await t.call('GET', '/api/v1/account/data', { token: member2.token });
    expect(await memberData.text()).toContain('xapi_outbox');

    for (const who of [member, member2]) {
      const gone = await t.call('DELETE', '/api/v1/account', {
        token: who.token,
        body: { password: 'correct horse battery' },
      });
      expect(gone.status).toBe(204);
    }
    expect(await testDb.db.kysely.selectFrom('xapi_forwards').selectAll().execute()).toEqual([]);
    expect(await testDb.db.kysely.selectFrom('xapi_outbox').selectAll().execute()).toEqual([]);
  });
});
