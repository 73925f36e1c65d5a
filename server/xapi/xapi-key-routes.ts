// xAPI keys (docs/xapi.md), signed in:
// - GET/POST /account/xapi-keys, DELETE /account/xapi-keys/:keyId: a learner's keys to their own records.
// - GET/POST /teams/:teamId/xapi-keys, DELETE …/:keyId: a team's keys, for its owner and leaders only
//   (the team rules: a non-member 404, a member 403).
// The secret is in the POST's answer only; the list shows names, whether writable, and last use.

import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  createXapiKeyRequestSchema,
  MAX_XAPI_KEYS,
  type XapiKey,
} from '../../src/shared/protocol/xapi-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import type { Database } from '../db-schema';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { leaderOf } from '../teams/team-access';
import { siteBaseUrl } from './site-base-url';
import { newXapiKey } from './xapi-credentials';

type KeyOwner = { learnerId: string; teamId: string | null };

export function xapiKeyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const auth = requireLearner(deps);
  const endpoint = (c: Context) => `${siteBaseUrl(deps.config, c.req.url)}/xapi/`;

  const ownerKeys = (owner: KeyOwner) => {
    const query = db.kysely.selectFrom('xapi_keys').selectAll();
    return owner.teamId
      ? query.where('team_id', '=', owner.teamId)
      : query.where('learner_id', '=', owner.learnerId).where('team_id', 'is', null);
  };
  const list = async (c: Context, owner: KeyOwner) => {
    const rows = await ownerKeys(owner).orderBy('created_at').orderBy('id').execute();
    return c.json({ endpoint: endpoint(c), keys: rows.map(toKey) });
  };
  const create = async (c: Context, owner: KeyOwner) => {
    const body = await readJson(c, createXapiKeyRequestSchema);
    const held = await ownerKeys(owner).execute();
    if (held.length >= MAX_XAPI_KEYS) {
      throw new HttpError(
        409,
        'too_many_keys',
        `At most ${MAX_XAPI_KEYS} xAPI keys can be held at once. Revoke one first.`,
      );
    }
    const made = newXapiKey();
    const row: Database['xapi_keys'] = {
      id: made.id,
      secret_hash: made.secretHash,
      learner_id: owner.learnerId,
      team_id: owner.teamId,
      label: body.label,
      writable: body.writable ? 1 : 0,
      created_at: clock(),
      last_used_at: null,
    };
    await db.kysely.insertInto('xapi_keys').values(row).execute();
    return c.json({ key: toKey(row), secret: made.secret, endpoint: endpoint(c) }, 201);
  };
  const revoke = async (c: Context, owner: KeyOwner, keyId: string) => {
    const query = db.kysely.deleteFrom('xapi_keys').where('id', '=', keyId);
    const result = await (owner.teamId
      ? query.where('team_id', '=', owner.teamId)
      : query.where('learner_id', '=', owner.learnerId).where('team_id', 'is', null)
    ).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new HttpError(404, 'key_not_found', 'There is no such xAPI key.');
    }
    return c.body(null, 204);
  };
  const mine = (c: Context<AppEnv>): KeyOwner => ({ learnerId: c.get('learnerId'), teamId: null });
  const team = async (c: Context<AppEnv>): Promise<KeyOwner> => {
    const access = await leaderOf(deps, c.req.param('teamId') ?? '', c.get('learnerId'));
    return { learnerId: access.learnerId, teamId: access.teamId };
  };

  return new Hono<AppEnv>()
    .get('/account/xapi-keys', auth, (c) => list(c, mine(c)))
    .post('/account/xapi-keys', auth, (c) => create(c, mine(c)))
    .delete('/account/xapi-keys/:keyId', auth, (c) => revoke(c, mine(c), c.req.param('keyId')))
    .get('/teams/:teamId/xapi-keys', auth, async (c) => list(c, await team(c)))
    .post('/teams/:teamId/xapi-keys', auth, async (c) => create(c, await team(c)))
    .delete('/teams/:teamId/xapi-keys/:keyId', auth, async (c) =>
      revoke(c, await team(c), c.req.param('keyId')),
    );
}

function toKey(row: Database['xapi_keys']): XapiKey {
  return {
    id: row.id,
    label: row.label,
    writable: row.writable === 1,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
  };
}
