// xAPI keys' secrets: 192 random bits, so a plain SHA-256 is enough to store (no password to stretch:
// nothing to guess from a list), compared in constant time. A key names whose records it opens.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../open-database';

export type XapiScope = {
  keyId: string;
  writable: boolean;
  /** A learner's own key, or a team's (made by one of its leaders). */
  owner: { kind: 'learner'; learnerId: string } | { kind: 'team'; teamId: string };
};

export function newXapiKey(): { id: string; secret: string; secretHash: string } {
  const secret = randomBytes(24).toString('base64url');
  return { id: `xk-${randomBytes(9).toString('base64url')}`, secret, secretHash: hashSecret(secret) };
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The key an `Authorization: Basic` header names, or undefined for a wrong, revoked or orphaned key. */
export async function scopeOfBasic(
  db: Db,
  header: string | undefined,
  now: number,
): Promise<XapiScope | undefined> {
  const match = /^basic ([A-Za-z0-9+/=]{1,400})$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  const id = decoded.slice(0, colon);
  const row = await db.kysely.selectFrom('xapi_keys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const given = Buffer.from(hashSecret(decoded.slice(colon + 1)), 'hex');
  if (!timingSafeEqual(given, Buffer.from(row.secret_hash, 'hex'))) return undefined;
  if (row.team_id) {
    // A team key works while the leader who made it still leads the team: one who steps down or leaves
    // takes the team's records out of reach of the tools they connected.
    const role = await db.kysely
      .selectFrom('team_members')
      .select('team_role')
      .where('team_id', '=', row.team_id)
      .where('learner_id', '=', row.learner_id)
      .executeTakeFirst();
    if (!role || role.team_role === 'member') return undefined;
  }
  // To the hour, as devices' last use: a tool polling every minute costs one write an hour, not sixty.
  if (row.last_used_at === null || now - row.last_used_at > 60 * 60 * 1000) {
    await db.kysely.updateTable('xapi_keys').set({ last_used_at: now }).where('id', '=', id).execute();
  }
  return {
    keyId: id,
    writable: row.writable === 1,
    owner: row.team_id
      ? { kind: 'team', teamId: row.team_id }
      : { kind: 'learner', learnerId: row.learner_id },
  };
}
