#!/usr/bin/env node
// Checks a Pocket CPD certificate's signature without our server (docs/certificates.md):
//   node scripts/verify-certificate.mjs certificate-XXXXXXXXXX.json keys.json
// keys.json is what GET /api/v1/certificates/keys answered (fetch it once, from any copy you trust).
// Only node:crypto is used. Whether the learner has since revoked it, only the verify page can say.
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The signed bytes: the certificate as JSON with object keys sorted at every level and no spaces.
const canonical = (value) =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

const [certificateFile, keysFile] = process.argv.slice(2);
if (!certificateFile || !keysFile) {
  process.stderr.write('Usage: node verify-certificate.mjs <certificate.json> <keys.json>\n');
  process.exit(2);
}
const { certificate, algorithm, signature } = JSON.parse(readFileSync(certificateFile, 'utf8'));
const { keys } = JSON.parse(readFileSync(keysFile, 'utf8'));
const key = keys.find((k) => k.kid === certificate?.keyId);
if (algorithm !== 'Ed25519' || !key) {
  process.stdout.write(`NOT VALID: no published Ed25519 key ${certificate?.keyId}\n`);
  process.exit(1);
}
const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' });
const ok = verify(
  null,
  Buffer.from(canonical(certificate), 'utf8'),
  publicKey,
  Buffer.from(signature, 'base64url'),
);
if (!ok) {
  process.stdout.write('NOT VALID: the signature does not match this certificate\n');
  process.exit(1);
}
process.stdout.write(
  `VALID: ${certificate.id}, ${certificate.name}, "${certificate.moduleTitle}", completed ${certificate.completedAt.slice(0, 10)}, signed by key ${key.kid}\n`,
);
