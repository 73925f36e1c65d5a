// The learner's teams on the device: stored from the last page of a pull (absent means keep), replaced after
// a join or a leave, and removed with the learner's data on a shared device.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from '../../../src/api/api-client';
import { PocketDb } from '../../../src/db/db';
import { readMeta, writeMeta } from '../../../src/db/meta';
import { createSyncStore } from '../../../src/db/sync-store';
import type { MyTeam } from '../../../src/shared/protocol/team-protocol';
import { mergePulledDoc } from '../../../src/sync/doc-merge';
import { removeLearnerData } from '../../../src/sync/remove-learner-data';
import { createTeamActions } from '../../../src/sync/team-actions';
import { aTeam } from '../../helpers/team-fixtures';

const NOW = '2026-12-07T10:00:00.000Z';
const opened: PocketDb[] = [];
let count = 0;
function freshDb() {
  const db = new PocketDb(`teams-on-device-${++count}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const page = (teams: MyTeam[] | undefined, hasMore = false) => ({
  events: [],
  docs: [],
  nextCursor: 'c1',
  hasMore,
  ...(teams ? { teams } : {}),
});

describe('teams from pull', () => {
  it.each([
    {
      name: 'a last page with teams replaces what the device has',
      before: [aTeam()],
      teams: [aTeam({ name: 'Ash Grove', teamId: 'team-ash' })],
      after: ['Ash Grove'],
    },
    { name: 'an empty list means the learner is in no team now', before: [aTeam()], teams: [], after: [] },
    {
      name: 'no teams on the page (an older server) keeps what the device has',
      before: [aTeam()],
      teams: undefined,
      after: ['Oak Tree Nursery'],
    },
  ])('$name', async ({ before, teams, after }) => {
    const db = freshDb();
    const store = createSyncStore(db);
    await store.setTeams('learner-1', before);
    await store.applyPulledPage('learner-1', page(teams), NOW, mergePulledDoc);
    const stored = await readMeta(db, 'teams');
    expect(stored?.learnerId).toBe('learner-1');
    expect(stored?.teams.map((team) => team.name)).toEqual(after);
  });

  it.each([
    { name: 'another learner signing in forgets the teams', next: 'learner-2', kept: false },
    { name: 'the same learner signing in again keeps them', next: 'learner-1', kept: true },
  ])('$name', async ({ next, kept }) => {
    const db = freshDb();
    const store = createSyncStore(db);
    await store.setSession({ learnerId: 'learner-1', token: 'a' });
    await store.setTeams('learner-1', [aTeam()]);
    await store.setSession({ learnerId: next, token: 'b' });
    expect((await readMeta(db, 'teams')) !== undefined).toBe(kept);
  });

  it('removing the learner data of a shared device removes their teams too', async () => {
    const db = freshDb();
    await createSyncStore(db).setTeams('learner-1', [aTeam()]);
    await removeLearnerData(db);
    expect(await readMeta(db, 'teams')).toBeUndefined();
  });
});

describe('team actions', () => {
  function fakeServer(teamsAfter: MyTeam[]) {
    const calls: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push(`${init.method} ${url}`);
      if (url === '/api/v1/teams' && init.method === 'GET')
        return new Response(JSON.stringify({ teams: teamsAfter }), { status: 200 });
      if (url.endsWith('/accept')) return new Response(JSON.stringify(aTeam()), { status: 200 });
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'no' } }), { status: 404 });
    };
    return { api: createApiClient({ baseUrl: '', fetch }), calls };
  }

  it('joining stores the new list of teams, so Today shows the assignments at once', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    await writeMeta(db, 'session', { learnerId: 'learner-1', token: 'tok' });
    const { api, calls } = fakeServer([aTeam()]);
    const result = await createTeamActions(api, store).join('K7M2QX9P', 'ta');
    expect(result.ok).toBe(true);
    expect(calls).toEqual(['POST /api/v1/invites/K7M2QX9P/accept', 'GET /api/v1/teams']);
    expect((await readMeta(db, 'teams'))?.teams.map((team) => team.teamId)).toEqual(['team-oak']);
  });

  it('leaving removes the learner themself and forgets the team on the device', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    await writeMeta(db, 'session', { learnerId: 'learner-1', token: 'tok' });
    await store.setTeams('learner-1', [aTeam()]);
    const { api, calls } = fakeServer([]);
    await createTeamActions(api, store).leave('team-oak');
    expect(calls[0]).toBe('DELETE /api/v1/teams/team-oak/members/learner-1');
    expect((await readMeta(db, 'teams'))?.teams).toEqual([]);
  });

  it('signed out, nothing is asked of the server and the answer says to sign in', async () => {
    const db = freshDb();
    const { api, calls } = fakeServer([]);
    const result = await createTeamActions(api, createSyncStore(db)).dashboard('team-oak');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unauthorized', code: 'signed-out' } });
    expect(calls).toEqual([]);
  });
});
