// What the team suites share: a built course of a few modules (a catalogue file in a dist folder of its
// own, read by the server at start as it reads the real build), people with names and emails of their
// choosing, and a team made through the API.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Catalog } from '../../../src/shared/content/content-types';
import type { Invite, MyTeam } from '../../../src/shared/protocol/team-protocol';
import { json, type TestApp } from './test-app';

const lesson = (id: string, checks = 1) => ({
  id,
  title: `Lesson ${id}`,
  minutes: 5,
  objectives: [],
  words: 100,
  hash: 'h',
  sections: [],
  checks,
});

const module = (id: string, title: string, order: number, lessonIds: string[]) => ({
  id,
  title,
  summary: '',
  audiences: ['all' as const],
  areas: [],
  order,
  hash: 'h',
  bytes: 1,
  file: `modules/${id}.h.json`,
  lessons: lessonIds.map((l) => lesson(l)),
});

export const TEST_CATALOG: Catalog = {
  version: 'v1',
  modules: [
    module('foundations', 'Foundations', 1, ['f1', 'f2']),
    module('four-areas', 'The four areas of need', 2, ['a1']),
    module('extra', 'Extra module', 3, ['x1', 'x2', 'x3']),
  ],
  pathways: [
    { role: 'ta', title: 'Teaching assistants', modules: ['foundations', 'four-areas'] },
    { role: 'teacher', title: 'Teachers in schools', modules: ['foundations', 'extra', 'gone-module'] },
  ],
};

/** A dist folder holding only `content/catalog.json`. */
export function courseDist(catalog: Catalog = TEST_CATALOG): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'teams-dist-'));
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content', 'catalog.json'), JSON.stringify(catalog));
  return dir;
}

export type Person = { learnerId: string; token: string; email: string; name: string; deviceId: string };

export async function person(t: TestApp, name: string, email: string): Promise<Person> {
  const res = await t.call('POST', '/api/v1/accounts', {
    body: { email, name, password: 'correct horse battery' },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const { learnerId, token } = await json<{ learnerId: string; token: string }>(res);
  const dev = await t.call('POST', '/api/v1/devices', { token, body: {} });
  const { deviceId } = await json<{ deviceId: string }>(dev);
  return { learnerId, token, email, name, deviceId };
}

export async function createTeam(t: TestApp, owner: Person, name: string): Promise<MyTeam> {
  const res = await t.call('POST', '/api/v1/teams', { token: owner.token, body: { name } });
  if (res.status !== 201) throw new Error(`team not made: ${res.status} ${await res.text()}`);
  return json<MyTeam>(res);
}

export async function createInvite(
  t: TestApp,
  leader: Person,
  teamId: string,
  body: Record<string, unknown> = {},
): Promise<Invite> {
  const res = await t.call('POST', `/api/v1/teams/${teamId}/invites`, { token: leader.token, body });
  if (res.status !== 201) throw new Error(`invite not made: ${res.status} ${await res.text()}`);
  return json<Invite>(res);
}

export async function join(t: TestApp, who: Person, code: string, staffRole = 'ta'): Promise<Response> {
  return t.call('POST', `/api/v1/invites/${code}/accept`, { token: who.token, body: { staffRole } });
}

export async function setRole(t: TestApp, by: Person, teamId: string, who: Person, teamRole: string) {
  const res = await t.call('PUT', `/api/v1/teams/${teamId}/members/${who.learnerId}/role`, {
    token: by.token,
    body: { teamRole },
  });
  if (res.status !== 204) throw new Error(`role not set: ${res.status} ${await res.text()}`);
}

/** A team made by its owner, with members who joined through one invite (as `ta`), as most team suites start. */
export async function teamWithMembers(
  t: TestApp,
  owner: Person,
  teamName: string,
  members: Person[],
): Promise<{ teamId: string; invite: Invite }> {
  const { teamId } = await createTeam(t, owner, teamName);
  const invite = await createInvite(t, owner, teamId);
  for (const member of members) {
    const res = await join(t, member, invite.code);
    if (res.status !== 201) throw new Error(`${member.name} did not join: ${res.status} ${await res.text()}`);
  }
  return { teamId, invite };
}

/** Pushes events from the person's device, as the app's sync does; throws unless the server took them. */
export async function pushEvents(t: TestApp, who: Person, events: unknown[]): Promise<void> {
  const res = await t.call('POST', '/api/v1/sync/push', {
    token: who.token,
    body: { deviceId: who.deviceId, events },
  });
  if (res.status !== 200) throw new Error(`push refused: ${res.status} ${await res.text()}`);
}
