// The certificate routes (docs/certificates.md). Behind the learner's token: issue, list, download and
// revoke their own. Public, with no sign-in: the published keys and the verify answer, which says valid,
// revoked or unknown and shows what was certified, never an email or a learner id.
import { Hono } from 'hono';
import {
  issueCertificateRequestSchema,
  NOT_COMPLETE_CODE,
  normaliseCertificateId,
  type VerifyResponse,
} from '../../src/shared/protocol/certificate-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { clientIp } from '../client-ip';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { issueCertificate, signedOf, toMyCertificate } from './certificate-issuer';
import { loadOrCreateSigningKey, publishedKeys } from './certificate-keys';

/** Verify lookups one address may make a minute: plenty for people, too few to walk the id space. */
export const VERIFY_PER_IP_PER_MIN = 60;

const notFound = () => new HttpError(404, 'certificate_not_found', 'You have no certificate with that id.');

export function certificateRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, config, limiter, course } = deps;

  const mine = async (learnerId: string, rawId: string) => {
    const id = normaliseCertificateId(rawId);
    if (!id) throw notFound();
    const row = await db.kysely
      .selectFrom('certificates')
      .select(['id', 'body', 'signature', 'revoked_at'])
      .where('id', '=', id)
      .where('learner_id', '=', learnerId)
      .executeTakeFirst();
    if (!row) throw notFound();
    return row;
  };

  return new Hono<AppEnv>()
    .get('/certificates/keys', async (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json({ keys: await publishedKeys(db) });
    })
    .get('/certificates/verify/:id', async (c) => {
      const { count, retryAfter } = await limiter.hit(`verify:ip:${clientIp(c, config.trustProxy)}`, 60_000);
      if (count > VERIFY_PER_IP_PER_MIN) {
        throw new HttpError(429, 'rate_limited', `Too many checks. Try again in ${retryAfter} s.`, {
          'Retry-After': String(retryAfter),
        });
      }
      // A revocation must show at once, so no cache may keep an answer.
      c.header('Cache-Control', 'no-store');
      const id = normaliseCertificateId(c.req.param('id'));
      const row = id
        ? await db.kysely
            .selectFrom('certificates')
            .select(['body', 'signature', 'revoked_at'])
            .where('id', '=', id)
            .executeTakeFirst()
        : undefined;
      let answer: VerifyResponse;
      if (!row) answer = { status: 'unknown' };
      else {
        const { certificate } = signedOf(row);
        answer =
          row.revoked_at === null
            ? { status: 'valid', certificate }
            : { status: 'revoked', revokedAt: new Date(Number(row.revoked_at)).toISOString(), certificate };
      }
      return c.json(answer);
    })
    .post('/certificates', requireLearner(deps), async (c) => {
      const { moduleId } = await readJson(c, issueCertificateRequestSchema);
      if (course.modules.size === 0) {
        throw new HttpError(503, 'no_catalogue', 'The server has no course to check completions against.');
      }
      const learnerId = c.get('learnerId');
      // The settings whose teams the learner is in, oldest membership first (a trust's staff may be in two).
      const teams = await db.kysely
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select('teams.name')
        .where('team_members.learner_id', '=', learnerId)
        .orderBy('team_members.joined_at')
        .execute();
      const result = await issueCertificate(db, {
        learnerId,
        moduleId,
        course,
        now: clock(),
        signingKey: () => loadOrCreateSigningKey(db, clock()),
        ...(teams.length > 0 ? { setting: teams.map((team) => team.name).join(', ') } : {}),
      });
      switch (result.kind) {
        case 'unknown-module':
          throw new HttpError(404, 'unknown_module', 'There is no module with that id in the course.');
        case 'not-complete':
          throw new HttpError(
            409,
            NOT_COMPLETE_CODE,
            `The server has ${result.done} of ${result.total} lessons of this module completed. Sync, then ask again.`,
          );
        case 'existing':
          return c.json(result.certificate, 200);
        case 'issued':
          return c.json(result.certificate, 201);
      }
    })
    .get('/certificates', requireLearner(deps), async (c) => {
      const rows = await db.kysely
        .selectFrom('certificates')
        .select(['body', 'signature', 'revoked_at'])
        .where('learner_id', '=', c.get('learnerId'))
        .orderBy('issued_at', 'desc')
        .orderBy('id')
        .execute();
      return c.json({ certificates: rows.map(toMyCertificate) });
    })
    .get('/certificates/:id/signed', requireLearner(deps), async (c) => {
      const row = await mine(c.get('learnerId'), c.req.param('id'));
      c.header('Content-Disposition', `attachment; filename="certificate-${row.id}.json"`);
      return c.json(signedOf(row));
    })
    .post('/certificates/:id/revoke', requireLearner(deps), async (c) => {
      const row = await mine(c.get('learnerId'), c.req.param('id'));
      if (row.revoked_at !== null) return c.json(toMyCertificate(row));
      const revokedAt = clock();
      await db.kysely
        .updateTable('certificates')
        .set({ revoked_at: revokedAt })
        .where('id', '=', row.id)
        .where('revoked_at', 'is', null)
        .execute();
      return c.json(toMyCertificate({ ...row, revoked_at: revokedAt }));
    });
}
