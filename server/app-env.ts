// What every route group receives (database, config, clock, logger, limiter) and what the auth
// middleware puts on the request context. Passed in, never imported as globals, so tests can swap them.
import type { Config } from './config';
import type { Logger } from './logger';
import type { Mailer } from './mail/mailer';
import type { Db } from './open-database';
import type { RateLimiter } from './rate-limiter';
import type { CourseIndex } from './teams/course-index';
import type { ResolveAll } from './xapi/forward-lookup';

export type AppDeps = {
  db: Db;
  config: Config;
  clock: () => number;
  logger: Logger;
  limiter: RateLimiter;
  /** Present when SMTP_URL is set: reset links by email are offered only then. */
  mailer?: Mailer;
  /** The course of the build served (read once at start): teams' assignments and progress, certificates. */
  course: CourseIndex;
  /** Looks up a name's addresses: the xAPI forward address check (server/xapi/forward-lookup.ts). */
  resolveHost: ResolveAll;
};

export type AppEnv = { Variables: { learnerId: string; tokenHash: string } };
