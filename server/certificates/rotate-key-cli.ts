// `npm run certificates:rotate-key`: retires the certificate signing key and makes a new one, in the
// database the server's environment names (DATABASE_URL, else SQLite under DATA_DIR). Certificates signed
// before stay valid: the retired key stays published. Running servers sign with the new key from their
// next certificate on, since they read the current key for each one.
import { loadConfig } from '../config';
import { migrateToLatest } from '../migrations';
import { openDatabase } from '../open-database';
import { rotateCertificateKey } from './certificate-keys';

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\nSee docs/deployment.md for the variables.\n`);
  process.exit(1);
}
const db = openDatabase(loaded.config.database);
try {
  await migrateToLatest(db.kysely);
  const id = await rotateCertificateKey(db, Date.now());
  process.stdout.write(`New certificate signing key ${id}; earlier keys stay published.\n`);
} finally {
  await db.close();
}
