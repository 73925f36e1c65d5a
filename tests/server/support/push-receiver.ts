// A stand-in push service on 127.0.0.1 for the reminder tests: it plays the browser's side too, holding the
// subscription's private key, so it can decrypt each message as RFC 8291 says (aes128gcm: ECDH P-256,
// HKDF-SHA-256, AES-128-GCM) and check the VAPID Authorization header (RFC 8292: an ES256 JWT signed with
// the key the server hands to browsers). Written from the RFCs with node:crypto, sharing no code with
// web-push, so a mistake in how the server uses the library shows up here.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedPush = {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The decrypted payload, or the reason it could not be decrypted. */
  plaintext: string;
  /** The VAPID JWT's claims once its signature checked out against `k`. */
  vapid: { k: string; claims: { aud: string; exp: number; sub: string } };
};

export type PushReceiver = {
  url: string;
  received: ReceivedPush[];
  /** Why each message that failed to decrypt or verify was refused. */
  rejected: string[];
  /** A browser subscription for `path` on this receiver (keys as `PushSubscription.toJSON()` gives them). */
  subscribe: (path: string) => { endpoint: string; keys: { p256dh: string; auth: string } };
  /** Answer requests to `path` with this status instead of 201 (404 and 410: the subscription is gone). */
  answer: (path: string, status: number) => void;
  close: () => Promise<void>;
};

const b64url = (bytes: Buffer) => bytes.toString('base64url');

function decrypt(body: Buffer, uaPrivate: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  // RFC 8188 header: salt (16) | record size (4) | key id length (1) | key id (the sender's public key).
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const uaPublic = uaPrivate.getPublicKey();
  const ecdhSecret = uaPrivate.computeSecret(asPublic);
  // RFC 8291 §3.3–3.4.
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // One record: the data, then the delimiter 0x02 and any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

function checkVapid(header: string | undefined): ReceivedPush['vapid'] {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) throw new Error(`not a VAPID Authorization header: ${header}`);
  const [head, claims, signature] = match[1].split('.');
  const raw = Buffer.from(match[2], 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33, 65)) },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature ?? '', 'base64url'),
  );
  if (!signed) throw new Error('the VAPID signature does not verify');
  const alg = JSON.parse(Buffer.from(head ?? '', 'base64url').toString()).alg;
  if (alg !== 'ES256') throw new Error(`VAPID alg ${alg}`);
  return { k: match[2], claims: JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()) };
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const keys = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const statuses = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      const sub = keys.get(path);
      if (!sub) {
        res.writeHead(404).end();
        return;
      }
      try {
        received.push({
          path,
          headers: req.headers,
          plaintext: decrypt(Buffer.concat(chunks), sub.ecdh, sub.auth),
          vapid: checkVapid(req.headers.authorization),
        });
        res.writeHead(statuses.get(path) ?? 201).end();
      } catch (error) {
        // The test sees no message and the server a 400, as from a real push service.
        rejected.push(String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    rejected,
    subscribe(path) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      keys.set(path, { ecdh, auth });
      return { endpoint: `${url}${path}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } };
    },
    answer(path, status) {
      statuses.set(path, status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
