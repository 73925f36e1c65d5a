// Server configuration, read once from the environment at start and validated, so a typo in a variable
// stops the process with a message naming the variable instead of failing later under load.
import path from 'node:path';
import { z } from 'zod';

const intFrom = (min: number, max: number, fallback: number) => {
  const range = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: range }).int(range).min(min, range).max(max, range).default(fallback);
};

const envSchema = z.object({
  PORT: intFrom(0, 65_535, 8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for SQLite)')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DIST_DIR: z.string().min(1).default('./dist'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SESSION_TTL_DAYS: intFrom(1, 365, 30),
  BODY_LIMIT_BYTES: intFrom(1024, 50 * 1024 * 1024, 1024 * 1024),
  AUTH_RATE_PER_IP_PER_MIN: intFrom(1, 1_000_000, 10),
  SIGNIN_FAILURES_PER_ACCOUNT: intFrom(1, 1000, 5),
  /** log2 of scrypt's N. 17 is OWASP's minimum (server/passwords.ts); lower values are for tests and benches only. */
  SCRYPT_LOG_N: intFrom(10, 20, 17),
  /** Take the client address from X-Forwarded-For; only behind a proxy that sets it. */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  PG_POOL_SIZE: intFrom(1, 200, 10),
  /** Pushes, and separately pulls, one learner may have running at once in one process; more get 429. */
  SYNC_REQUESTS_PER_LEARNER: intFrom(1, 100, 2),
  /** Per-learner quotas (docs/deployment.md): notes and other docs stored, their bytes, events a day, devices. */
  QUOTA_DOCS: intFrom(1, 10_000_000, 2_000),
  QUOTA_DOC_BYTES: intFrom(64 * 1024, 10 * 1024 * 1024 * 1024, 20 * 1024 * 1024),
  QUOTA_EVENTS_PER_DAY: intFrom(1, 10_000_000, 20_000),
  QUOTA_DEVICES: intFrom(1, 10_000, 10),
  /** FULL: an acknowledged push survives a power cut (docs/deployment.md has the measured cost). */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** Contact the push services may use about our reminders (RFC 8292): a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https:// URL')
    .default('mailto:admin@localhost'),
  /** How often the reminder scheduler looks for study slots; 0 turns reminders off. */
  REMINDER_INTERVAL_SECONDS: intFrom(0, 3600, 60),
  /** Mail for password reset links (smtp:// or smtps://, with user:password@ if the relay needs it). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The address learners open the app at; reset links point here. Needed with SMTP_URL. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+\/?$/, 'must be an http(s):// origin such as https://cpd.example.org')
    .optional(),
  /** The sender of reset emails; defaults to no-reply at PUBLIC_URL's host. */
  MAIL_FROM: z.string().min(3).optional(),
  /** Devices that have not synced for this many days are deleted by the hourly purge (docs/privacy.md). */
  DEVICE_IDLE_DAYS: intFrom(30, 3650, 395),
  /** Let teams forward xAPI to private, loopback and plain-http addresses (docs/xapi.md): never on by default. */
  XAPI_FORWARD_ALLOW_PRIVATE: z.enum(['true', 'false', '1', '0']).default('false'),
});

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string; synchronous?: 'FULL' | 'NORMAL' }
  | { kind: 'postgres'; url: string; poolSize: number };

export type Config = {
  port: number;
  host: string;
  database: DatabaseConfig;
  distDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  sessionTtlMs: number;
  bodyLimitBytes: number;
  authRatePerIpPerMin: number;
  signinFailuresPerAccount: number;
  scryptLogN: number;
  trustProxy: boolean;
  syncRequestsPerLearner: number;
  quotas: Quotas;
  vapidSubject: string;
  reminderIntervalMs: number;
  /**
   * Accept push endpoints on http://127.0.0.1 (tests' stand-in push service). Never from the environment:
   * a real server only ever sends to https push services.
   */
  allowLoopbackPush?: boolean;
  /** Reset links by email; absent when SMTP_URL is not set, and then the server does not offer them. */
  mail?: MailConfig;
  /** PUBLIC_URL without a trailing slash: xAPI activity ids start with it (the request's origin when absent). */
  publicUrl?: string;
  /** Devices unused this long are purged (server/purge.ts); the purge's default when absent. */
  deviceIdleMs?: number;
  /**
   * A team's xAPI forward may go to private, loopback and link-local addresses and over plain http
   * (XAPI_FORWARD_ALLOW_PRIVATE): for tests and an LRS on the operator's own network. Off when absent.
   */
  xapiForwardAllowPrivate?: boolean;
};

export type MailConfig = { smtpUrl: string; publicUrl: string; from: string };

export type Quotas = { docs: number; docBytes: number; eventsPerDay: number; devices: number };

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  // Empty variables count as unset, as they do in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const given = present[String(i.path[0])];
      return `  ${i.path.join('.')}: ${i.message}${given === undefined ? '' : ` (got ${JSON.stringify(given)})`}`;
    });
    return { ok: false, message: `Invalid configuration:\n${lines.join('\n')}` };
  }
  const e = parsed.data;
  if (e.SMTP_URL && !e.PUBLIC_URL) {
    return {
      ok: false,
      message:
        'Invalid configuration:\n  PUBLIC_URL: must be set with SMTP_URL, so reset links point at the app (got nothing)',
    };
  }
  const publicUrl = e.PUBLIC_URL?.replace(/\/$/, '');
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      database: e.DATABASE_URL
        ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.PG_POOL_SIZE }
        : {
            kind: 'sqlite',
            file: path.join(e.DATA_DIR, 'pocket-cpd.sqlite'),
            synchronous: e.SQLITE_SYNCHRONOUS,
          },
      distDir: e.DIST_DIR,
      logLevel: e.LOG_LEVEL,
      sessionTtlMs: e.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      authRatePerIpPerMin: e.AUTH_RATE_PER_IP_PER_MIN,
      signinFailuresPerAccount: e.SIGNIN_FAILURES_PER_ACCOUNT,
      scryptLogN: e.SCRYPT_LOG_N,
      trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
      xapiForwardAllowPrivate:
        e.XAPI_FORWARD_ALLOW_PRIVATE === 'true' || e.XAPI_FORWARD_ALLOW_PRIVATE === '1',
      syncRequestsPerLearner: e.SYNC_REQUESTS_PER_LEARNER,
      quotas: {
        docs: e.QUOTA_DOCS,
        docBytes: e.QUOTA_DOC_BYTES,
        eventsPerDay: e.QUOTA_EVENTS_PER_DAY,
        devices: e.QUOTA_DEVICES,
      },
      vapidSubject: e.VAPID_SUBJECT,
      reminderIntervalMs: e.REMINDER_INTERVAL_SECONDS * 1000,
      mail:
        e.SMTP_URL && publicUrl
          ? {
              smtpUrl: e.SMTP_URL,
              publicUrl,
              from: e.MAIL_FROM ?? `Pocket CPD <no-reply@${new URL(publicUrl).hostname}>`,
            }
          : undefined,
      deviceIdleMs: e.DEVICE_IDLE_DAYS * 24 * 60 * 60 * 1000,
      ...(publicUrl ? { publicUrl } : {}),
    },
  };
}
