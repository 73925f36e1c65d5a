// Issuing, listing and revoking a learner's certificates. Issuing is idempotent: the claims (name, module,
// lessons, dates, minutes, content version, setting) are fingerprinted, and asking again while a
// certificate with the same claims stands returns that one. A change (a new name, a lesson redone, new
// content) or a revocation gives a new certificate on the next request.
import { createHash } from 'node:crypto';
import { parseSettings } from '../../src/shared/device/settings';
import { learnerEventSchema } from '../../src/shared/progress/events';
import {
  CERTIFICATE_ID_LENGTH,
  type Certificate,
  type MyCertificate,
  type SignedCertificate,
} from '../../src/shared/protocol/certificate-protocol';
import { canonicalJson } from '../canonical-json';
import type { Db } from '../open-database';
import { newReadableCode } from '../readable-code';
import type { CourseIndex } from '../teams/course-index';
import type { SigningKey } from './certificate-keys';
import { moduleCompletion, type ReceivedEvent } from './module-completion';

export type IssueResult =
  | { kind: 'issued' | 'existing'; certificate: MyCertificate }
  | { kind: 'unknown-module' }
  | { kind: 'not-complete'; done: number; total: number };

type Row = { body: string; signature: string; revoked_at: number | null };

const iso = (ms: number) => new Date(ms).toISOString();

export function toMyCertificate(row: Row): MyCertificate {
  return {
    signed: signedOf(row),
    revokedAt: row.revoked_at === null ? null : iso(Number(row.revoked_at)),
  };
}

export function signedOf(row: Pick<Row, 'body' | 'signature'>): SignedCertificate {
  return {
    certificate: JSON.parse(row.body) as Certificate,
    algorithm: 'Ed25519',
    signature: row.signature,
  };
}

type IssueInput = {
  learnerId: string;
  moduleId: string;
  course: CourseIndex;
  now: number;
  signingKey: () => Promise<SigningKey>;
  /** The learner's team setting, when the deployment has teams (docs/certificates.md). */
  setting?: string;
};

export async function issueCertificate(db: Db, input: IssueInput): Promise<IssueResult> {
  const { learnerId, moduleId, course, now } = input;
  const module = course.modules.get(moduleId);
  if (!module) return { kind: 'unknown-module' };
  const key = await input.signingKey();
  return db.kysely.transaction().execute(async (trx) => {
    // The learner's row is the per-learner lock (as in a push): two requests at once issue one certificate.
    const learner = await trx
      .updateTable('learners')
      .set((eb) => ({ event_seq: eb.ref('event_seq') }))
      .where('id', '=', learnerId)
      .returning(['name'])
      .executeTakeFirstOrThrow();
    const lessonIds = module.lessons.map((l) => l.id);
    const rows = await trx
      .selectFrom('events')
      .select(['body', 'received_at'])
      .where('learner_id', '=', learnerId)
      .where((eb) => eb.or([eb('lesson_id', 'in', lessonIds), eb('type', '=', 'voided')]))
      .execute();
    const received: ReceivedEvent[] = [];
    for (const row of rows) {
      const parsed = learnerEventSchema.safeParse(JSON.parse(row.body));
      if (parsed.success) received.push({ event: parsed.data, receivedAt: Number(row.received_at) });
    }
    const completion = moduleCompletion(module, received);
    if (!completion.complete) return { kind: 'not-complete', done: completion.done, total: completion.total };

    const settingsDoc = await trx
      .selectFrom('docs')
      .select('body')
      .where('learner_id', '=', learnerId)
      .where('doc_id', '=', 'settings')
      .executeTakeFirst();
    const certificateName = settingsDoc
      ? parseSettings(readObject(settingsDoc.body)).certificateName
      : undefined;
    const times = completion.lessons.map((l) => l.completedAt);
    const claims = {
      type: 'pocket-cpd-certificate' as const,
      version: 1 as const,
      name: certificateName ?? learner.name,
      moduleId: module.id,
      moduleTitle: module.title,
      lessons: completion.lessons.map((l) => ({ ...l, completedAt: iso(l.completedAt) })),
      minutes: completion.minutes,
      minutesSpent: Math.round(completion.msSpent / 60_000),
      startedAt: iso(Math.min(...times)),
      completedAt: iso(Math.max(...times)),
      contentVersion: course.version,
      ...(input.setting ? { setting: input.setting } : {}),
    };
    const fingerprint = createHash('sha256').update(canonicalJson(claims)).digest('hex');
    const standing = await trx
      .selectFrom('certificates')
      .select(['body', 'signature', 'revoked_at'])
      .where('learner_id', '=', learnerId)
      .where('module_id', '=', module.id)
      .where('fingerprint', '=', fingerprint)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (standing) return { kind: 'existing', certificate: toMyCertificate(standing) };

    const certificate: Certificate = {
      ...claims,
      id: newReadableCode(CERTIFICATE_ID_LENGTH),
      issuedAt: iso(now),
      keyId: key.id,
    };
    const body = canonicalJson(certificate);
    const row = { body, signature: key.sign(body), revoked_at: null };
    await trx
      .insertInto('certificates')
      .values({
        id: certificate.id,
        learner_id: learnerId,
        module_id: module.id,
        fingerprint,
        body,
        signature: row.signature,
        key_id: key.id,
        issued_at: now,
        revoked_at: null,
      })
      .execute();
    return { kind: 'issued', certificate: toMyCertificate(row) };
  });
}

function readObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
