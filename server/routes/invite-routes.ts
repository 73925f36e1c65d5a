// Join codes (docs/teams.md): leaders make, list and revoke them; anyone signed in can preview one and
// join with it. Preview and accept are rate-limited per account and per address, so codes cannot be
// guessed by trying (31^8 codes; a few dozen tries a minute).
import { type Context, Hono } from 'hono';
import {
  acceptInviteRequestSchema,
  createInviteRequestSchema,
  INVITE_CODE_LENGTH,
  type Invite,
  inviteCodeSchema,
} from '../../src/shared/protocol/team-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { clientIp } from '../client-ip';
import type { Database } from '../db-schema';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { newReadableCode } from '../readable-code';
import { requireLearner } from '../require-learner';
import { emailInDomain } from '../teams/invite-domain';
import { refoldLearner } from '../teams/keep-progress';
import { checkTeamCount, leaderOf, roleIn } from '../teams/team-access';
import { myTeam } from '../teams/team-reads';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
/** Look-ups (preview or accept) one account may make a minute, and one address (a staff room's NAT). */
export const INVITE_TRIES_PER_ACCOUNT_PER_MIN = 20;
export const INVITE_TRIES_PER_IP_PER_MIN = 120;
/** Invites a team can have live at once; revoked and expired ones do not count. */
export const MAX_LIVE_INVITES = 50;

const inviteNotFound = () =>
  new HttpError(404, 'invite_not_found', 'This join code is not valid. Ask your team leader for a new one.');

export function inviteRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const auth = requireLearner(deps);

  const limit = async (c: Context<AppEnv>) => {
    const tries = [
      { key: `invite:learner:${c.get('learnerId')}`, max: INVITE_TRIES_PER_ACCOUNT_PER_MIN },
      { key: `invite:ip:${clientIp(c, deps.config.trustProxy)}`, max: INVITE_TRIES_PER_IP_PER_MIN },
    ];
    for (const { key, max } of tries) {
      const { count, retryAfter } = await deps.limiter.hit(key, MINUTE_MS);
      if (count > max) {
        throw new HttpError(429, 'rate_limited', `Too many join codes tried. Try again in ${retryAfter} s.`, {
          'Retry-After': String(retryAfter),
        });
      }
    }
  };

  /** A live invite's row and its team's name, or the error a person should see. */
  const liveInvite = async (raw: string) => {
    const code = inviteCodeSchema.safeParse(raw);
    if (!code.success) throw inviteNotFound();
    const row = await db.kysely
      .selectFrom('team_invites as i')
      .innerJoin('teams as t', 't.id', 'i.team_id')
      .select(['i.code', 'i.team_id', 'i.email_domain', 'i.expires_at', 'i.revoked_at', 't.name'])
      .where('i.code', '=', code.data)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) throw inviteNotFound();
    return row;
  };
  const expired = () =>
    new HttpError(410, 'invite_expired', 'This join code has expired. Ask your team leader for a new one.');
  const outsideDomain = (domain: string) =>
    new HttpError(
      403,
      'invite_domain',
      `This join code is only for accounts with an email address at ${domain}.`,
    );
  const isMember = async (teamId: string, learnerId: string) =>
    (await roleIn(db, teamId, learnerId)) !== undefined;

  return new Hono<AppEnv>()
    .post('/teams/:teamId/invites', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const body = await readJson(c, createInviteRequestSchema);
      const now = clock();
      const { live } = await db.kysely
        .selectFrom('team_invites')
        .select((eb) => eb.fn.countAll<number>().as('live'))
        .where('team_id', '=', access.teamId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      if (Number(live) >= MAX_LIVE_INVITES) {
        throw new HttpError(
          409,
          'too_many_invites',
          `A team can have at most ${MAX_LIVE_INVITES} live join codes. Revoke one first.`,
        );
      }
      const row = {
        team_id: access.teamId,
        email_domain: body.emailDomain ?? null,
        created_at: now,
        expires_at: now + body.expiresInDays * DAY_MS,
        revoked_at: null,
      };
      // A fresh code is almost never taken; the primary key settles the rare clash and another is drawn.
      for (let attempt = 0; ; attempt++) {
        const code = newReadableCode(INVITE_CODE_LENGTH);
        const stored = await db.kysely
          .insertInto('team_invites')
          .values({ ...row, code })
          .onConflict((oc) => oc.column('code').doNothing())
          .executeTakeFirst();
        if (Number(stored.numInsertedOrUpdatedRows ?? 0) === 1) {
          return c.json(toInvite({ ...row, code }, originOf(c, deps.config.trustProxy)), 201);
        }
        if (attempt >= 5) throw new Error('could not draw an unused invite code');
      }
    })
    .get('/teams/:teamId/invites', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const rows = await db.kysely
        .selectFrom('team_invites')
        .selectAll()
        .where('team_id', '=', access.teamId)
        .orderBy('created_at', 'desc')
        .orderBy('code')
        .execute();
      const origin = originOf(c, deps.config.trustProxy);
      return c.json({ invites: rows.map((row) => toInvite(row, origin)) });
    })
    .delete('/teams/:teamId/invites/:code', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const code = inviteCodeSchema.safeParse(c.req.param('code'));
      const revoked = code.success
        ? await db.kysely
            .updateTable('team_invites')
            .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(clock())) }))
            .where('team_id', '=', access.teamId)
            .where('code', '=', code.data)
            .executeTakeFirst()
        : undefined;
      if (!revoked || Number(revoked.numUpdatedRows) !== 1) throw inviteNotFound();
      return c.body(null, 204);
    })
    .get('/invites/:code', auth, async (c) => {
      await limit(c);
      const invite = await liveInvite(c.req.param('code'));
      const alreadyMember = await isMember(invite.team_id, c.get('learnerId'));
      if (!alreadyMember && invite.expires_at <= clock()) throw expired();
      return c.json({
        teamName: invite.name,
        expiresAt: new Date(invite.expires_at).toISOString(),
        ...(invite.email_domain ? { emailDomain: invite.email_domain } : {}),
        alreadyMember,
      });
    })
    .post('/invites/:code/accept', auth, async (c) => {
      await limit(c);
      const invite = await liveInvite(c.req.param('code'));
      const { staffRole } = await readJson(c, acceptInviteRequestSchema);
      const learnerId = c.get('learnerId');
      const mine = () => myTeam(db, learnerId, invite.team_id);
      if (await isMember(invite.team_id, learnerId)) return c.json(await mine(), 200);
      const now = clock();
      if (invite.expires_at <= now) throw expired();
      if (invite.email_domain) {
        const account = await db.kysely
          .selectFrom('learners')
          .select('email')
          .where('id', '=', learnerId)
          .executeTakeFirstOrThrow();
        if (!emailInDomain(account.email, invite.email_domain)) throw outsideDomain(invite.email_domain);
      }
      await checkTeamCount(deps, learnerId);
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('team_members')
          .values({
            team_id: invite.team_id,
            learner_id: learnerId,
            team_role: 'member',
            staff_role: staffRole,
            joined_at: now,
          })
          .onConflict((oc) => oc.columns(['team_id', 'learner_id']).doNothing())
          .execute();
        // Progress from before this server kept it (or before a new course build) is folded now, so the
        // leaders' first look at a new member is already right.
        await refoldLearner(trx, learnerId, deps.course);
      });
      return c.json(await mine(), 201);
    });
}

type InviteRow = Omit<Database['team_invites'], 'team_id'>;

function toInvite(row: InviteRow, origin: string): Invite {
  return {
    code: row.code,
    url: `${origin}/join/${row.code}`,
    expiresAt: new Date(row.expires_at).toISOString(),
    ...(row.email_domain ? { emailDomain: row.email_domain } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.revoked_at !== null ? { revokedAt: new Date(row.revoked_at).toISOString() } : {}),
  };
}

/** Where a person opens the app: behind a trusted proxy, the scheme it was reached by (TLS ends there). */
function originOf(c: Context<AppEnv>, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const proto = trustProxy ? c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim() : undefined;
  return proto === 'https' || proto === 'http' ? `${proto}://${url.host}` : url.origin;
}
