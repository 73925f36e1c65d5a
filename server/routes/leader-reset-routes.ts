// A team leader's one-time reset code for a member (docs/accounts.md, docs/teams.md):
// - POST /teams/:teamId/members/:learnerId/reset-code (a leader of the team): a new code, shown once, that
//   replaces any code still waiting for that person. The owner may issue one for anyone else in the team;
//   a leader only for members, so a leader can never take over the owner's or another leader's account.
// - DELETE /teams/:teamId/members/:learnerId/reset-code (the same leaders as issuing): cancels the code this
//   leader made for that person in this team, if it still works; it stops working at once, and the member's
//   record says it was cancelled. 404 when no code of theirs is waiting (none, used, expired, replaced, or
//   made by someone else).
// - POST /password-resets/leader-code: the member's email, the code and a new password. The code works once,
//   for LEADER_RESET_HOURS, and only while the member is still in the team and the issuer still leads it.
//   Wrong codes count against the same per-account budget as recovery codes.
// - GET /account/leader-reset-codes: the member's record of codes leaders issued for them.
// A reset ends every session of the account (other devices are signed out) and signs this device in.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { sql } from 'kysely';
import {
  formatLeaderResetCode,
  INVALID_LEADER_CODE,
  LEADER_RESET_HOURS,
  type LeaderCodeRecords,
  type LeaderCodeState,
  leaderCodeResetSchema,
} from '../../src/shared/protocol/leader-reset-protocol';
import {
  hashLeaderResetCode,
  leaderResetCodeMatches,
  newLeaderResetCode,
} from '../account/leader-reset-codes';
import { recoveryLimits } from '../account/recovery-limits';
import { storeNewPassword } from '../account/replace-password';
import type { AppDeps, AppEnv } from '../app-env';
import { hashedAccount, limited } from '../auth-limits';
import { clientIp } from '../client-ip';
import { createSession } from '../create-session';
import { HttpError } from '../http-error';
import { hashNewPassword } from '../new-password';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { leaderOf, memberNotFound, notTheOwner, roleIn } from '../teams/team-access';

const HOUR = 60 * 60_000;
/** Codes one person may be issued in an hour, whoever issues them: each replaces the last, so more is a mistake. */
const CODES_PER_PERSON_PER_HOUR = 5;

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export function leaderResetRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, config, logger, limiter } = deps;
  const auth = requireLearner(deps);

  return new Hono<AppEnv>()
    .post('/teams/:teamId/members/:learnerId/reset-code', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const who = c.req.param('learnerId');
      const role = await roleIn(db, access.teamId, who);
      if (!role) throw memberNotFound();
      if (who === access.learnerId) {
        throw new HttpError(
          409,
          'own_reset_code',
          'A reset code is for someone else. To change your own password, use Settings.',
        );
      }
      if (role !== 'member' && access.teamRole !== 'owner') throw notTheOwner();
      const { count, retryAfter } = await limiter.hit(`leader-code:learner:${who}`, HOUR);
      if (count > CODES_PER_PERSON_PER_HOUR) throw limited(retryAfter);
      const code = newLeaderResetCode();
      const codeHash = await hashLeaderResetCode(code, config.scryptLogN);
      const now = clock();
      const expiresAt = now + LEADER_RESET_HOURS * HOUR;
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('leader_reset_codes')
          .set({ code_hash: null })
          .where('learner_id', '=', who)
          .where('code_hash', 'is not', null)
          .execute();
        await trx
          .insertInto('leader_reset_codes')
          .values({
            id: randomUUID(),
            learner_id: who,
            team_id: access.teamId,
            issued_by: access.learnerId,
            code_hash: codeHash,
            created_at: now,
            expires_at: expiresAt,
            used_at: null,
          })
          .execute();
      });
      logger.info('leader reset code issued', { team: access.teamId });
      return c.json({ code: formatLeaderResetCode(code), expiresAt: iso(expiresAt) }, 201);
    })
    .delete('/teams/:teamId/members/:learnerId/reset-code', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const who = c.req.param('learnerId');
      const role = await roleIn(db, access.teamId, who);
      if (!role) throw memberNotFound();
      if (role !== 'member' && access.teamRole !== 'owner') throw notTheOwner();
      const now = clock();
      // The code's end moves to now: the record then says it stopped before its time (`cancelled`), and
      // keeps saying so after the day it would have worked (docs/accounts.md).
      const cancelled = await db.kysely
        .updateTable('leader_reset_codes')
        .set({ code_hash: null, expires_at: now })
        .where('learner_id', '=', who)
        .where('team_id', '=', access.teamId)
        .where('issued_by', '=', access.learnerId)
        .where('code_hash', 'is not', null)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(cancelled.numUpdatedRows) === 0) {
        throw new HttpError(404, 'reset_code_not_found', 'You have no reset code waiting for this person.');
      }
      logger.info('leader reset code cancelled', { team: access.teamId });
      return c.body(null, 204);
    })
    .post('/password-resets/leader-code', async (c) => {
      await recoveryLimits.ipAttempt(deps, clientIp(c, config.trustProxy));
      const body = await readJson(c, leaderCodeResetSchema);
      const email = body.email.trim().toLowerCase();
      await recoveryLimits.checkCodeGuesses(deps, email);
      // Hashed whether or not the email and code are right, so the answer takes as long either way.
      const passwordHash = await hashNewPassword(body.password, config.scryptLogN);
      const now = clock();
      const waiting = await db.kysely
        .selectFrom('leader_reset_codes as r')
        .innerJoin('learners as l', 'l.id', 'r.learner_id')
        // Still in the team, and the one who issued it still leads it.
        .innerJoin('team_members as m', (j) =>
          j.onRef('m.team_id', '=', 'r.team_id').onRef('m.learner_id', '=', 'r.learner_id'),
        )
        .innerJoin('team_members as i', (j) =>
          j
            .onRef('i.team_id', '=', 'r.team_id')
            .onRef('i.learner_id', '=', 'r.issued_by')
            .on('i.team_role', '!=', 'member'),
        )
        .select(['r.id', 'r.code_hash', 'l.id as learner_id', 'l.name', 'l.email'])
        .where('l.email', '=', email)
        .where('r.code_hash', 'is not', null)
        .where('r.expires_at', '>', now)
        .executeTakeFirst();
      const matched = await leaderResetCodeMatches(body.code, waiting?.code_hash, config.scryptLogN);
      const spent =
        waiting &&
        matched &&
        (await db.kysely.transaction().execute(async (trx) => {
          const used = await trx
            .updateTable('leader_reset_codes')
            .set({ code_hash: null, used_at: now })
            .where('id', '=', waiting.id)
            .where('code_hash', '=', waiting.code_hash)
            .executeTakeFirst();
          // Two requests racing with one code: only the one that cleared its hash goes on.
          if (Number(used.numUpdatedRows) !== 1) return false;
          await storeNewPassword(trx, waiting.learner_id, passwordHash);
          return true;
        }));
      if (!waiting || !spent) {
        await recoveryLimits.countWrongCode(deps, email);
        logger.warn('leader reset code refused', { account: hashedAccount(email) });
        throw new HttpError(
          401,
          INVALID_LEADER_CODE,
          'The email or reset code is not right, or the code has expired or was replaced.',
        );
      }
      logger.info('password reset by leader code', { account: hashedAccount(email) });
      return c.json(
        await createSession(deps, { id: waiting.learner_id, name: waiting.name, email: waiting.email }),
        200,
      );
    })
    .get('/account/leader-reset-codes', auth, async (c) => {
      const rows = await db.kysely
        .selectFrom('leader_reset_codes as r')
        .leftJoin('learners as i', 'i.id', 'r.issued_by')
        .leftJoin('teams as t', 't.id', 'r.team_id')
        .select([
          'r.created_at',
          'r.expires_at',
          'r.used_at',
          'i.name as issuer',
          't.name as team',
          sql<boolean>`r.code_hash is not null`.as('live'),
        ])
        .where('r.learner_id', '=', c.get('learnerId'))
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id')
        .execute();
      const now = clock();
      const state = (row: (typeof rows)[number]): LeaderCodeState =>
        row.used_at !== null
          ? 'used'
          : // A leader's cancel ends a code before its LEADER_RESET_HOURS (the DELETE above).
            Number(row.expires_at) < Number(row.created_at) + LEADER_RESET_HOURS * HOUR
            ? 'cancelled'
            : row.expires_at <= now
              ? 'expired'
              : // A code whose issuer or team is gone can no longer be used (see the reset's joins).
                row.live && row.issuer && row.team
                ? 'waiting'
                : 'cancelled';
      const body: LeaderCodeRecords = {
        codes: rows.map((row) => ({
          issuedAt: iso(row.created_at),
          expiresAt: iso(row.expires_at),
          issuedBy: row.issuer ?? null,
          teamName: row.team ?? null,
          state: state(row),
          usedAt: row.used_at === null ? null : iso(row.used_at),
        })),
      };
      return c.json(body);
    });
}
