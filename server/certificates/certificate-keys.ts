// The server's Ed25519 certificate keys, kept in the database so every server process signs with the same
// key and restarts change nothing. The first is made on first start; a rotation makes a new signing key and
// retires the old one, which stays published so certificates it signed still verify.
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { PublicKey } from '../../src/shared/protocol/certificate-protocol';
import type { Db } from '../open-database';

export type SigningKey = { id: string; sign: (message: string) => string };

const newKeyId = (now: number) =>
  `${new Date(now).toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;

async function insertKey(db: Db, now: number): Promise<string> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Ed25519 public key without x');
  const id = newKeyId(now);
  await db.kysely
    .insertInto('certificate_keys')
    .values({
      id,
      public_key: jwk.x,
      private_key: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      created_at: now,
      retired_at: null,
    })
    .execute();
  return id;
}

async function currentRow(db: Db) {
  return db.kysely
    .selectFrom('certificate_keys')
    .selectAll()
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * The key new certificates are signed with: the newest one not retired, or a new one made now. Two
 * processes starting at once may both make one; the newer wins and the other stays published, so
 * whatever either signed still verifies.
 */
export async function loadOrCreateSigningKey(db: Db, now: number): Promise<SigningKey> {
  let row = await currentRow(db);
  if (!row) {
    await insertKey(db, now);
    row = await currentRow(db);
  }
  if (!row) throw new Error('the certificate key could not be stored');
  const privateKey = createPrivateKey({
    key: Buffer.from(row.private_key, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    id: row.id,
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64url'),
  };
}

/** Retires every current key and makes a new one; returns the new key's id. */
export async function rotateCertificateKey(db: Db, now: number): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('certificate_keys')
      .set({ retired_at: now })
      .where('retired_at', 'is', null)
      .execute();
    return insertKey({ ...db, kysely: trx }, now);
  });
}

/** Every key ever used, newest first, as JWKs anyone can verify with. */
export async function publishedKeys(db: Db): Promise<PublicKey[]> {
  const rows = await db.kysely
    .selectFrom('certificate_keys')
    .select(['id', 'public_key', 'created_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    kty: 'OKP',
    crv: 'Ed25519',
    x: row.public_key,
    kid: row.id,
    alg: 'EdDSA',
    use: 'sig',
    createdAt: new Date(Number(row.created_at)).toISOString(),
    retiredAt: row.retired_at === null ? null : new Date(Number(row.retired_at)).toISOString(),
  }));
}
