// The xAPI Statements resource over a real socket, each test named after the requirement of xAPI 1.0.3
// (Communication, §2.1 Statement Resource and §3 HTTP) or of docs/xapi.md it checks.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import { basicAuthorization, makeXapiKey, type XapiKey, xapiRequest } from './support/xapi-fixture';

type Key = XapiKey;
type Statement = Record<string, unknown> & { id: string };
const ADL = 'http://adlnet.gov/expapi/verbs';

const statement = (overrides: Record<string, unknown> = {}) => ({
  actor: { objectType: 'Agent', mbox: 'mailto:sam@college.example' },
  verb: { id: `${ADL}/experienced`, display: { 'en-GB': 'experienced', 'fr-FR': 'a vécu' } },
  object: { objectType: 'Activity', id: 'https://college.example/courses/first-aid' },
  ...overrides,
});

describe.each(testDbKinds)('xAPI Statements resource on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let base = '';
  let sam: Person;
  let key: Key;

  beforeAll(async () => {
    testDb = await openTestDb(kind);
    t = makeTestApp(testDb.db, { distDir: courseDist() });
    server = await listen(t.app.fetch);
    base = server.base;
  });
  afterAll(async () => {
    await server.close();
    await testDb.close();
  });
  beforeEach(async () => {
    await testDb.reset();
    sam = await person(t, 'Sam Learner', `sam-${randomUUID()}@example.org`);
    key = await makeKey(sam.token, '/account/xapi-keys', { label: 'College LRS', writable: true });
  }, 30_000);

  const makeKey = (token: string, path: string, body: unknown) => makeXapiKey(t, token, path, body);
  const xapi = (
    method: string,
    path: string,
    options: { key?: Key | null; body?: unknown; headers?: Record<string, string> } = {},
  ) => xapiRequest(base, options.key === undefined ? key : options.key, method, path, options);
  const post = async (body: unknown, k: Key = key) => {
    const res = await xapi('POST', '/xapi/statements', { body, key: k });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as string[];
  };
  const list = async (query = '', k: Key = key) => {
    const res = await xapi('GET', `/xapi/statements${query}`, { key: k });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { statements: Statement[]; more: string };
  };
  const push = (who: Person, events: unknown[]) => pushEvents(t, who, events);

  describe('about and headers', () => {
    it('GET /xapi/about answers without credentials, listing 1.0.3', async () => {
      const res = await fetch(`${base}/xapi/about`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { version: string[] }).version).toContain('1.0.3');
      expect(res.headers.get('X-Experience-API-Version')).toBe('1.0.3');
    });

    it('every response carries X-Experience-API-Version, errors included', async () => {
      const answers = [
        await xapi('GET', '/xapi/statements'),
        await xapi('GET', '/xapi/statements', { key: null }),
        await xapi('GET', '/xapi/statements?Verb=x'),
        await xapi('GET', `/xapi/statements?statementId=${randomUUID()}`),
        await xapi('POST', '/xapi/statements', { body: { actor: {} } }),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 401, 400, 404, 400]);
      for (const res of answers) expect(res.headers.get('X-Experience-API-Version')).toBe('1.0.3');
    });

    it('rejects a request without X-Experience-API-Version, or with a version other than 1.0.x, with 400', async () => {
      const none = await fetch(`${base}/xapi/statements`, {
        headers: { authorization: basicAuthorization(key) },
      });
      expect(none.status).toBe(400);
      const wrong = await xapi('GET', '/xapi/statements', {
        headers: { 'X-Experience-API-Version': '2.0.0' },
      });
      expect(wrong.status).toBe(400);
    });

    it('answers 401 with a Basic challenge to missing, wrong or revoked credentials', async () => {
      const missing = await xapi('GET', '/xapi/statements', { key: null });
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Basic realm="xAPI"/);
      expect((await xapi('GET', '/xapi/statements', { key: { ...key, secret: 'guess' } })).status).toBe(401);
      const revoked = await t.call('DELETE', `/api/v1/account/xapi-keys/${key.id}`, { token: sam.token });
      expect(revoked.status).toBe(204);
      expect((await xapi('GET', '/xapi/statements')).status).toBe(401);
    });

    it('GET /statements carries Consistent-Through', async () => {
      const res = await xapi('GET', '/xapi/statements');
      expect(Date.parse(res.headers.get('consistent-through') ?? '')).toBe(t.clock.now);
    });
  });

  describe('keys', () => {
    it('lists a learner’s keys without their secrets, and stores only a hash', async () => {
      const res = await t.call('GET', '/api/v1/account/xapi-keys', { token: sam.token });
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({
        endpoint: expect.stringMatching(/\/xapi\/$/),
        keys: [{ id: key.id, label: 'College LRS', writable: true, lastUsedAt: null }],
      });
      expect(text).not.toContain(key.secret);
      const row = await testDb.db.kysely.selectFrom('xapi_keys').selectAll().executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(key.secret);
    });

    it('a read-only key reads but PUT and POST answer 403', async () => {
      const reader = await makeKey(sam.token, '/account/xapi-keys', { label: 'Reader' });
      expect((await xapi('GET', '/xapi/statements', { key: reader })).status).toBe(200);
      expect((await xapi('POST', '/xapi/statements', { key: reader, body: statement() })).status).toBe(403);
      const put = await xapi('PUT', `/xapi/statements?statementId=${randomUUID()}`, {
        key: reader,
        body: statement(),
      });
      expect(put.status).toBe(403);
    });

    it('rejects a key without a name with 400', async () => {
      const res = await t.call('POST', '/api/v1/account/xapi-keys', {
        token: sam.token,
        body: { label: ' ' },
      });
      expect(res.status).toBe(400);
    });
  });

  describe('PUT and POST', () => {
    it('PUT stores a statement under statementId and answers 204; GET by statementId returns it with stored and authority', async () => {
      const id = randomUUID();
      const res = await xapi('PUT', `/xapi/statements?statementId=${id}`, { body: statement() });
      expect(res.status).toBe(204);
      const got = await xapi('GET', `/xapi/statements?statementId=${id}`);
      expect(got.status).toBe(200);
      const s = (await got.json()) as Statement;
      expect(s).toMatchObject({ ...statement(), id, version: '1.0.0' });
      expect(Date.parse(String(s.stored))).toBe(t.clock.now);
      expect(s.authority).toMatchObject({ account: { name: key.id } });
    });

    it('PUT of the same statement again is a 204 no-op; a different one with that id is 409', async () => {
      const id = randomUUID();
      expect((await xapi('PUT', `/xapi/statements?statementId=${id}`, { body: statement() })).status).toBe(
        204,
      );
      expect((await xapi('PUT', `/xapi/statements?statementId=${id}`, { body: statement() })).status).toBe(
        204,
      );
      const other = statement({ verb: { id: `${ADL}/completed` } });
      expect((await xapi('PUT', `/xapi/statements?statementId=${id}`, { body: other })).status).toBe(409);
      expect((await xapi('POST', '/xapi/statements', { body: { ...other, id } })).status).toBe(409);
    });

    it('PUT without statementId, with another parameter, or with a body id that differs is 400', async () => {
      expect((await xapi('PUT', '/xapi/statements', { body: statement() })).status).toBe(400);
      const id = randomUUID();
      expect(
        (await xapi('PUT', `/xapi/statements?statementId=${id}&verb=x`, { body: statement() })).status,
      ).toBe(400);
      const mismatch = await xapi('PUT', `/xapi/statements?statementId=${id}`, {
        body: statement({ id: randomUUID() }),
      });
      expect(mismatch.status).toBe(400);
    });

    it('POST takes one statement or a batch and answers 200 with their ids in order, making ids where none is given', async () => {
      const given = randomUUID();
      const ids = await post([statement({ id: given }), statement()]);
      expect(ids).toHaveLength(2);
      expect(ids[0]).toBe(given);
      expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
      expect(await post(statement())).toHaveLength(1);
      expect((await list()).statements).toHaveLength(3);
    });

    it('a batch holding one id twice is 400 and stores nothing', async () => {
      const id = randomUUID();
      const res = await xapi('POST', '/xapi/statements', { body: [statement({ id }), statement({ id })] });
      expect(res.status).toBe(400);
      expect((await list()).statements).toHaveLength(0);
    });

    it('a batch with one malformed statement is 400 and stores none of it', async () => {
      const res = await xapi('POST', '/xapi/statements', { body: [statement(), statement({ verb: {} })] });
      expect(res.status).toBe(400);
      expect((await list()).statements).toHaveLength(0);
    });

    it.each([
      ['no actor', { verb: statement().verb, object: statement().object }],
      [
        'an Agent with two identifiers',
        statement({ actor: { mbox: 'mailto:a@b.example', openid: 'https://x.example/a' } }),
      ],
      ['an Agent with no identifier', statement({ actor: { name: 'Nobody' } })],
      ['an mbox not starting mailto:', statement({ actor: { mbox: 'a@b.example' } })],
      ['a wrongly-cased property', { ...statement(), Actor: statement().actor }],
      ['an unknown property', statement({ colour: 'blue' })],
      ['an id that is not a UUID', statement({ id: 'not-a-uuid' })],
      ['a verb without an IRI id', statement({ verb: { id: 'experienced' } })],
      ['a timestamp without a time zone', statement({ timestamp: '2026-03-02T09:00:00' })],
      ['a scaled score above 1', statement({ result: { score: { scaled: 1.5 } } })],
      ['a raw score outside min and max', statement({ result: { score: { raw: 11, min: 0, max: 10 } } })],
      ['a duration not in ISO 8601', statement({ result: { duration: '12 minutes' } })],
      [
        'a voiding statement whose object is not a StatementRef',
        statement({ verb: { id: `${ADL}/voided` } }),
      ],
      [
        'a language map with a bad tag',
        statement({ verb: { id: `${ADL}/x`, display: { 'not a tag': 'x' } } }),
      ],
      ['a registration that is not a UUID', statement({ context: { registration: 'r1' } })],
      ['a version other than 1.0.x', statement({ version: '2.0.0' })],
      [
        'an attachment without a fileUrl',
        statement({
          attachments: [
            {
              usageType: 'https://x.example/u',
              display: { en: 'x' },
              contentType: 'text/plain',
              length: 1,
              sha2: 'a'.repeat(64),
            },
          ],
        }),
      ],
    ])('rejects a malformed statement with 400: %s', async (_name, body) => {
      const res = await xapi('POST', '/xapi/statements', { body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).not.toBe('');
    });

    it('rejects a body that is not JSON with 400', async () => {
      const res = await fetch(`${base}/xapi/statements`, {
        method: 'POST',
        headers: {
          'X-Experience-API-Version': '1.0.3',
          authorization: basicAuthorization(key),
          'content-type': 'application/json',
        },
        body: '{"actor":',
      });
      expect(res.status).toBe(400);
    });
  });

  describe('GET filters', () => {
    it.each([
      'Verb=x',
      'statementid=x',
      'colour=blue',
      'limit=-1',
      'limit=ten',
      'ascending=yes',
      'format=full',
      'since=yesterday',
      'agent=sam',
      'agent={"name":"no identifier"}',
      'registration=r1',
      'verb=notaniri',
      `statementId=${randomUUID()}&verb=${ADL}/x`,
      `statementId=${randomUUID()}&voidedStatementId=${randomUUID()}`,
    ])('rejects unknown, wrongly-cased or malformed parameters with 400: %s', async (query) => {
      expect((await xapi('GET', `/xapi/statements?${encodeURI(query)}`)).status).toBe(400);
    });

    it('serves the learner’s own events as statements with the events’ ids, newest stored first', async () => {
      const opened = makeEvent(sam.deviceId, 1, { lessonId: 'f1' });
      await push(sam, [opened]);
      t.clock.now += 1000;
      const completed = makeEvent(sam.deviceId, 2, { lessonId: 'f1', type: 'lesson-completed' });
      await push(sam, [completed]);
      const { statements, more } = await list();
      expect(statements.map((s) => s.id)).toEqual([completed.id, opened.id]);
      expect(statements[0]).toMatchObject({
        actor: { account: { name: sam.learnerId } },
        verb: { id: `${ADL}/completed` },
        object: { id: expect.stringMatching(/\/modules\/foundations\/f1$/) },
      });
      expect(more).toBe('');
    });

    it('filters by agent, verb, activity and registration', async () => {
      const registration = randomUUID();
      const [a, b, c] = await post([
        statement(),
        statement({ actor: { mbox: 'mailto:other@college.example' }, verb: { id: `${ADL}/completed` } }),
        statement({
          object: { id: 'https://college.example/courses/safeguarding' },
          context: { registration },
        }),
      ]);
      const ids = async (q: string) => (await list(`?${q}`)).statements.map((s) => s.id).sort();
      const agent = encodeURIComponent(JSON.stringify({ mbox: 'mailto:other@college.example' }));
      expect(await ids(`agent=${agent}`)).toEqual([b]);
      expect(await ids(`verb=${encodeURIComponent(`${ADL}/completed`)}`)).toEqual([b]);
      expect(
        await ids(`activity=${encodeURIComponent('https://college.example/courses/first-aid')}`),
      ).toEqual([a, b].sort());
      expect(await ids(`registration=${registration}`)).toEqual([c]);
    });

    it('related_activities widens activity to context activities; related_agents widens agent to instructor and authority', async () => {
      const course = 'https://college.example/courses/first-aid';
      const [inContext] = await post([
        statement({
          object: { id: 'https://college.example/courses/first-aid/unit-1' },
          context: {
            contextActivities: { parent: { id: course } },
            instructor: { mbox: 'mailto:tutor@college.example' },
          },
        }),
      ]);
      const activity = encodeURIComponent(course);
      expect((await list(`?activity=${activity}`)).statements.map((s) => s.id)).not.toContain(inContext);
      expect(
        (await list(`?activity=${activity}&related_activities=true`)).statements.map((s) => s.id),
      ).toContain(inContext);
      const tutor = encodeURIComponent(JSON.stringify({ mbox: 'mailto:tutor@college.example' }));
      expect((await list(`?agent=${tutor}`)).statements).toHaveLength(0);
      expect((await list(`?agent=${tutor}&related_agents=true`)).statements.map((s) => s.id)).toEqual([
        inContext,
      ]);
    });

    it('since is after and until is at or before the stored time', async () => {
      const [first] = await post(statement());
      const firstStored = t.clock.now;
      t.clock.now += 60_000;
      const [second] = await post(statement());
      const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
      expect((await list(`?since=${iso(firstStored)}`)).statements.map((s) => s.id)).toEqual([second]);
      expect((await list(`?until=${iso(firstStored)}`)).statements.map((s) => s.id)).toEqual([first]);
    });

    it('limit pages the results and more leads to the next page until it is empty, ascending or not', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(...(await post(statement())));
        t.clock.now += 1000;
      }
      for (const ascending of [false, true]) {
        const seen: string[] = [];
        let page = await list(`?limit=2&ascending=${ascending}`);
        seen.push(...page.statements.map((s) => s.id));
        while (page.more) {
          expect(page.statements).toHaveLength(2);
          const res = await xapi('GET', page.more);
          expect(res.status).toBe(200);
          page = (await res.json()) as typeof page;
          seen.push(...page.statements.map((s) => s.id));
        }
        expect(seen).toEqual(ascending ? ids : [...ids].reverse());
      }
    });

    it('format=ids keeps only identifiers; format=canonical keeps one language, the one asked for', async () => {
      await post(
        statement({
          actor: { objectType: 'Agent', name: 'Sam', mbox: 'mailto:sam@college.example' },
          object: {
            id: 'https://college.example/a',
            definition: { name: { 'en-GB': 'First aid', 'fr-FR': 'Secourisme' } },
          },
        }),
      );
      const ids = (await list('?format=ids')).statements[0];
      expect(ids?.actor).toEqual({ objectType: 'Agent', mbox: 'mailto:sam@college.example' });
      expect(ids?.verb).toEqual({ id: `${ADL}/experienced` });
      expect(ids?.object).toEqual({ id: 'https://college.example/a' });
      const res = await xapi('GET', '/xapi/statements?format=canonical', {
        headers: { 'Accept-Language': 'fr-FR' },
      });
      const canonical = ((await res.json()) as { statements: Statement[] }).statements[0];
      expect(canonical?.verb).toEqual({ id: `${ADL}/experienced`, display: { 'fr-FR': 'a vécu' } });
      expect((canonical?.object as { definition?: unknown } | undefined)?.definition).toEqual({
        name: { 'fr-FR': 'Secourisme' },
      });
    });

    it('GET by an unknown statementId is 404', async () => {
      expect((await xapi('GET', `/xapi/statements?statementId=${randomUUID()}`)).status).toBe(404);
    });
  });

  describe('voiding', () => {
    it('a voided statement leaves the list and statementId, and is found by voidedStatementId; the voiding statement is listed', async () => {
      const [target] = await post(statement());
      const [voiding] = await post(
        statement({ verb: { id: `${ADL}/voided` }, object: { objectType: 'StatementRef', id: target } }),
      );
      expect((await list()).statements.map((s) => s.id)).toEqual([voiding]);
      expect((await xapi('GET', `/xapi/statements?statementId=${target}`)).status).toBe(404);
      const found = await xapi('GET', `/xapi/statements?voidedStatementId=${target}`);
      expect(found.status).toBe(200);
      expect(((await found.json()) as Statement).id).toBe(target);
    });

    it('a voided learner event is served only by voidedStatementId', async () => {
      const opened = makeEvent(sam.deviceId, 1, { lessonId: 'f1' });
      const voided = makeEvent(sam.deviceId, 2, {
        lessonId: 'f1',
        type: 'voided',
        payload: { eventId: opened.id },
      });
      await push(sam, [opened, voided]);
      expect((await list()).statements.map((s) => s.id)).toEqual([voided.id]);
      expect((await xapi('GET', `/xapi/statements?voidedStatementId=${opened.id}`)).status).toBe(200);
    });

    it('a tool cannot void a statement made from the learner’s own events (403)', async () => {
      const opened = makeEvent(sam.deviceId, 1, { lessonId: 'f1' });
      await push(sam, [opened]);
      const res = await xapi('POST', '/xapi/statements', {
        body: statement({
          verb: { id: `${ADL}/voided` },
          object: { objectType: 'StatementRef', id: opened.id },
        }),
      });
      expect(res.status).toBe(403);
      expect((await list()).statements.map((s) => s.id)).toEqual([opened.id]);
    });
  });

  describe('statements from outside and the learner’s own record', () => {
    it('a statement claiming a lesson completed is served but never moves progress', async () => {
      const lesson = `${base}/modules/foundations/f1`;
      await post(statement({ verb: { id: `${ADL}/completed` }, object: { id: lesson } }));
      const progress = await testDb.db.kysely.selectFrom('module_progress').selectAll().execute();
      expect(progress).toEqual([]);
      const events = await testDb.db.kysely.selectFrom('events').selectAll().execute();
      expect(events).toEqual([]);
      expect((await list()).statements).toHaveLength(1);
    });

    it('re-sending a statement made from an event is a no-op; changing it under the event’s id is 409', async () => {
      const completed = makeEvent(sam.deviceId, 1, { lessonId: 'f1', type: 'lesson-completed' });
      await push(sam, [completed]);
      const [ours] = (await list()).statements;
      expect((await xapi('POST', '/xapi/statements', { body: ours })).status).toBe(200);
      const changed = { ...ours, verb: { id: `${ADL}/failed` } };
      expect((await xapi('POST', '/xapi/statements', { body: changed })).status).toBe(409);
      expect((await list()).statements).toHaveLength(1);
    });

    it('deleting the account deletes its keys and kept statements', async () => {
      await post(statement());
      const res = await t.call('DELETE', '/api/v1/account', {
        token: sam.token,
        body: { password: 'correct horse battery' },
      });
      expect(res.status).toBe(204);
      expect(await testDb.db.kysely.selectFrom('xapi_keys').selectAll().execute()).toEqual([]);
      expect(await testDb.db.kysely.selectFrom('xapi_statements').selectAll().execute()).toEqual([]);
    });
  });

  describe('team keys', () => {
    let owner: Person;
    let teamId: string;
    let teamKey: Key;
    beforeEach(async () => {
      owner = await person(t, 'Olive Owner', `olive-${randomUUID()}@example.org`);
      ({ teamId } = await teamWithMembers(t, owner, 'Oak Tree', [sam]));
      teamKey = await makeKey(owner.token, `/teams/${teamId}/xapi-keys`, {
        label: 'Trust LRS',
        writable: true,
      });
    }, 30_000);

    it('reads members’ completions only (what the dashboard shows), not answers, and not what a member keeps through their own key', async () => {
      const opened = makeEvent(sam.deviceId, 1, { lessonId: 'f1' });
      const answered = makeEvent(sam.deviceId, 2, {
        lessonId: 'f1',
        type: 'check-answered',
        payload: { checkId: 'c1', optionIds: ['a'], correct: false },
      });
      const completed = makeEvent(sam.deviceId, 3, { lessonId: 'f1', type: 'lesson-completed' });
      await push(sam, [opened, answered, completed]);
      await post(statement());
      const read = (await list('', teamKey)).statements;
      expect(read.map((s) => s.id)).toEqual([completed.id]);
      expect(
        (await xapi('GET', `/xapi/statements?statementId=${answered.id}`, { key: teamKey })).status,
      ).toBe(404);
      // Dates only, as on the dashboard: never the time of day a member studied.
      const one = (await (
        await xapi('GET', `/xapi/statements?statementId=${completed.id}`, { key: teamKey })
      ).json()) as { timestamp: string; stored: string };
      for (const at of [read[0]?.timestamp, read[0]?.stored, one.timestamp, one.stored]) {
        expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
      }
    });

    it('writes only statements about the team’s members (403 otherwise), which the member then sees too', async () => {
      const about = (name: string) => ({ objectType: 'Agent', account: { homePage: base, name } });
      const outsider = await xapi('POST', '/xapi/statements', {
        key: teamKey,
        body: statement({ actor: about('someone-else') }),
      });
      expect(outsider.status).toBe(403);
      const [id] = await post(statement({ actor: about(sam.learnerId) }), teamKey);
      expect((await list('', teamKey)).statements.map((s) => s.id)).toEqual([id]);
      expect((await list()).statements.map((s) => s.id)).toEqual([id]);
    });

    it('stops working when the leader who made it is no longer a leader', async () => {
      const leo = await person(t, 'Leo Leader', `leo-${randomUUID()}@example.org`);
      const invite = await createInvite(t, owner, teamId);
      expect((await join(t, leo, invite.code)).status).toBe(201);
      await setRole(t, owner, teamId, leo, 'leader');
      const leosKey = await makeKey(leo.token, `/teams/${teamId}/xapi-keys`, { label: 'Leo’s' });
      expect((await xapi('GET', '/xapi/statements', { key: leosKey })).status).toBe(200);
      await setRole(t, owner, teamId, leo, 'member');
      expect((await xapi('GET', '/xapi/statements', { key: leosKey })).status).toBe(401);
    });
  });
});
