// Verifiable certificates (docs/certificates.md): the server's Ed25519 signing keys, kept for ever so old
// certificates still verify after a rotation, and the certificates issued, kept after revocation so the
// verify page can say "revoked" rather than "unknown".
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const certificatesMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('certificate_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Raw 32-byte public key, base64url (the JWK `x`).
      .addColumn('public_key', 'text', (c) => c.notNull())
      // PKCS #8 DER, base64.
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('retired_at', 'bigint')
      .execute();
    await db.schema
      .createTable('certificates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('module_id', 'text', (c) => c.notNull())
      // SHA-256 of what is certified without its id, issue time and key: the same claims give the same certificate.
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      // The signed certificate as canonical JSON, exactly the bytes the signature covers.
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull().references('certificate_keys.id'))
      .addColumn('issued_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('certificates_learner_module')
      .on('certificates')
      .columns(['learner_id', 'module_id'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('certificates').execute();
    await db.schema.dropTable('certificate_keys').execute();
  },
};
