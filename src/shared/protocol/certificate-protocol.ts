// Verifiable certificates (docs/certificates.md): what the server certifies and signs, the signed document a
// learner downloads, the public keys, and the public verify answer. Shared by the server and src/api so
// both sides parse the same shapes.
import { z } from 'zod';
import { readableCodePattern } from './readable-code';

/** Ten readable characters (readable-code.ts): about 50 bits, easy to read aloud. */
export const CERTIFICATE_ID_LENGTH = 10;
export const certificateIdSchema = z.string().regex(readableCodePattern(CERTIFICATE_ID_LENGTH));

/** A typed or scanned id, tidied: case and spaces or dashes a person might add do not matter. */
export function normaliseCertificateId(text: string): string | null {
  const id = text.replace(/[\s-]/g, '').toUpperCase();
  return certificateIdSchema.safeParse(id).success ? id : null;
}

const isoTime = z.iso.datetime({ offset: true });

export const certifiedLessonSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  minutes: z.number().int().min(0),
  /** When the server received the event completing it (not the device's clock). */
  completedAt: isoTime,
});

/**
 * What is certified, exactly as signed: the signature covers the canonical JSON of this object (keys
 * sorted at every level, no spaces). It holds no email and no learner id.
 */
export const certificateSchema = z.strictObject({
  /** Which kind of document this is, so a signature cannot be replayed as something else. */
  type: z.literal('pocket-cpd-certificate'),
  version: z.literal(1),
  id: certificateIdSchema,
  name: z.string().min(1).max(200),
  moduleId: z.string().min(1),
  moduleTitle: z.string().min(1),
  lessons: z.array(certifiedLessonSchema).min(1),
  /** The module's minutes as the course declares them. */
  minutes: z.number().int().min(0),
  /** Time the learner's devices reported spending in its lessons, in whole minutes. */
  minutesSpent: z.number().int().min(0),
  /** Server-received times of the first and the last lesson completion. */
  startedAt: isoTime,
  completedAt: isoTime,
  /** The catalogue's version (a hash over every lesson) the module was checked against. */
  contentVersion: z.string().min(1),
  issuedAt: isoTime,
  /** The public key that signed it (GET /api/v1/certificates/keys). */
  keyId: z.string().min(1),
  /** The team's setting (a school, nursery or college) when the learner is in a team; absent otherwise. */
  setting: z.string().min(1).optional(),
});
export type Certificate = z.infer<typeof certificateSchema>;

/** The downloadable file: the certificate and its Ed25519 signature (base64url) over its canonical JSON. */
export const signedCertificateSchema = z.strictObject({
  certificate: certificateSchema,
  algorithm: z.literal('Ed25519'),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export type SignedCertificate = z.infer<typeof signedCertificateSchema>;

/** One of the learner's certificates, as their own list shows it. */
export const myCertificateSchema = z.strictObject({
  signed: signedCertificateSchema,
  revokedAt: isoTime.nullable(),
});
export type MyCertificate = z.infer<typeof myCertificateSchema>;

export const issueCertificateRequestSchema = z.strictObject({ moduleId: z.string().min(1).max(120) });
export type IssueCertificateRequest = z.infer<typeof issueCertificateRequestSchema>;

export const myCertificatesResponseSchema = z.object({ certificates: z.array(myCertificateSchema) });

/** An Ed25519 public key as a JWK (RFC 8037), with when it was made and, once rotated out, retired. */
export const publicKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(1),
  kid: z.string().min(1),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
  createdAt: isoTime,
  retiredAt: isoTime.nullable(),
});
export const publicKeysResponseSchema = z.object({ keys: z.array(publicKeySchema) });
export type PublicKey = z.infer<typeof publicKeySchema>;

/** What anyone may learn about an id: whether it stands, and what it certifies. Nothing more. */
export const verifyResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('valid'), certificate: certificateSchema }),
  z.object({ status: z.literal('revoked'), revokedAt: isoTime, certificate: certificateSchema }),
  z.object({ status: z.literal('unknown') }),
]);
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

/** The issue answer's error code when the server's events do not yet show every lesson done. */
export const NOT_COMPLETE_CODE = 'not_complete';
