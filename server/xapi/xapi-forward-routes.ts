// A team's xAPI forwarding (docs/xapi.md, "Forwarding"), for its owner and leaders only (the team rules: a
// non-member 404, a member 403):
// - GET /teams/:teamId/xapi-forward: the LRS, and how delivery is going (last delivery, last error, counts).
// - PUT: sets (or replaces) the LRS's endpoint and key, refusing an address in the server's own network
//   (forward-address.ts); DELETE: stops forwarding and empties the outbox.
// The LRS's secret is written here and read only by the forwarder: no answer carries it.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { setXapiForwardRequestSchema, type XapiForward } from '../../src/shared/protocol/xapi-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import type { Database } from '../db-schema';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { leaderOf } from '../teams/team-access';
import { endpointProblem } from './forward-address';
import { hostProblem } from './forward-lookup';
import { siteBaseUrl } from './site-base-url';
import { stillLeads } from './xapi-forwarder';

export function xapiForwardRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const auth = requireLearner(deps);
  const team = (c: Context<AppEnv>) => leaderOf(deps, c.req.param('teamId') ?? '', c.get('learnerId'));

  const describe = async (teamId: string) => {
    const row = await db.kysely
      .selectFrom('xapi_forwards')
      .selectAll()
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    return { forward: row ? await toForward(row) : null };
  };
  const toForward = async (row: Database['xapi_forwards']): Promise<XapiForward> => {
    const counts = await db.kysely
      .selectFrom('xapi_outbox')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('team_id', '=', row.team_id)
      .groupBy('state')
      .execute();
    const count = (state: string) => Number(counts.find((r) => r.state === state)?.n ?? 0);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      endpoint: row.endpoint,
      keyName: row.key_name,
      createdAt: new Date(row.created_at).toISOString(),
      active: await stillLeads(deps, row),
      lastDeliveryAt: iso(row.last_delivery_at),
      lastError: row.last_error,
      lastErrorAt: iso(row.last_error_at),
      pending: count('pending'),
      sent: count('sent'),
      refused: count('refused'),
    };
  };

  return new Hono<AppEnv>()
    .get('/teams/:teamId/xapi-forward', auth, async (c) => c.json(await describe((await team(c)).teamId)))
    .put('/teams/:teamId/xapi-forward', auth, async (c) => {
      const access = await team(c);
      const body = await readJson(c, setXapiForwardRequestSchema);
      const given = body.endpoint.trim();
      const endpoint = given.endsWith('/') ? given : `${given}/`;
      const policy = { allowPrivate: deps.config.xapiForwardAllowPrivate ?? false };
      const problem =
        endpointProblem(endpoint, policy) ??
        (await hostProblem(new URL(endpoint).hostname, policy, deps.resolveHost, deps.logger));
      if (problem) throw new HttpError(400, 'forward_address_refused', problem);
      const existing = await db.kysely
        .selectFrom('xapi_forwards')
        .select('endpoint')
        .where('team_id', '=', access.teamId)
        .executeTakeFirst();
      await db.kysely.transaction().execute(async (trx) => {
        // Another LRS has none of what the old one was sent: the outbox starts again for it. So does a
        // forward set up afresh, whose old row went with the account of the leader who made it.
        if (!existing || existing.endpoint !== endpoint) {
          await trx.deleteFrom('xapi_outbox').where('team_id', '=', access.teamId).execute();
          await trx.deleteFrom('xapi_forward_cursors').where('team_id', '=', access.teamId).execute();
        }
        await trx.deleteFrom('xapi_forwards').where('team_id', '=', access.teamId).execute();
        await trx
          .insertInto('xapi_forwards')
          .values({
            team_id: access.teamId,
            endpoint,
            key_name: body.keyName,
            key_secret: body.keySecret,
            base_url: siteBaseUrl(deps.config, c.req.url),
            set_by: access.learnerId,
            created_at: clock(),
            last_delivery_at: null,
            last_error: null,
            last_error_at: null,
          })
          .execute();
        // Statements the old key could not deliver get a fresh try with the new one.
        await trx
          .updateTable('xapi_outbox')
          .set({ next_attempt_at: clock() })
          .where('team_id', '=', access.teamId)
          .where('state', '=', 'pending')
          .execute();
      });
      return c.json(await describe(access.teamId));
    })
    .delete('/teams/:teamId/xapi-forward', auth, async (c) => {
      const access = await team(c);
      await db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom('xapi_outbox').where('team_id', '=', access.teamId).execute();
        await trx.deleteFrom('xapi_forward_cursors').where('team_id', '=', access.teamId).execute();
        await trx.deleteFrom('xapi_forwards').where('team_id', '=', access.teamId).execute();
      });
      return c.body(null, 204);
    });
}
