// Builds the whole HTTP app from its dependencies, with no I/O of its own, so tests drive it with
// `app.request()` and main.ts serves it on a port.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './app-env';
import { certificateRoutes } from './certificates/certificate-routes';
import type { Config } from './config';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { HttpError } from './http-error';
import { lingerOnClose } from './linger-close';
import { createLogger, type Logger } from './logger';
import { createMailer, type Mailer } from './mail/mailer';
import type { Db } from './open-database';
import { createRateLimiter } from './rate-limiter';
import { reminderRoutes } from './reminders/reminder-routes';
import { type VapidKeys, vapidKeysOnce } from './reminders/vapid-keys';
import { requestLog } from './request-log';
import { accountRoutes } from './routes/account-routes';
import { assignmentRoutes } from './routes/assignment-routes';
import { deviceRoutes } from './routes/device-routes';
import { facilitatedSessionRoutes } from './routes/facilitated-session-routes';
import { healthRoutes } from './routes/health-routes';
import { inviteRoutes } from './routes/invite-routes';
import { leaderResetRoutes } from './routes/leader-reset-routes';
import { myDataRoutes } from './routes/my-data-routes';
import { profileRoutes } from './routes/profile-routes';
import { recoveryRoutes } from './routes/recovery-routes';
import { sessionRoutes } from './routes/session-routes';
import { syncPullRoutes } from './routes/sync-pull-routes';
import { syncPushRoutes } from './routes/sync-push-routes';
import { teamDashboardRoutes } from './routes/team-dashboard-routes';
import { teamRoutes } from './routes/team-routes';
import { securityHeaders } from './security-headers';
import { staticFiles } from './static-files';
import { isStorageFull, STORAGE_FULL_RETRY_AFTER_SECONDS } from './storage-full';
import { type CourseIndex, loadCourseIndex } from './teams/course-index';
import { type ResolveAll, resolveAll } from './xapi/forward-lookup';
import { statementRoutes } from './xapi/statement-routes';
import { xapiForwardRoutes } from './xapi/xapi-forward-routes';
import { xapiKeyRoutes } from './xapi/xapi-key-routes';

export type CreateAppOptions = {
  db: Db;
  config: Config;
  clock?: () => number;
  logger?: Logger;
  /** The VAPID keys, shared with the reminder scheduler in main.ts; loaded (or made) on first use if absent. */
  vapidKeys?: () => Promise<VapidKeys>;
  /** Sends reset emails; made from `config.mail` when absent (none without SMTP_URL). */
  mailer?: Mailer;
  /** The course (teams, certificates); read from `config.distDir` when absent. */
  course?: CourseIndex;
  /** DNS for the xAPI forward address check; the system's when absent (tests answer for their own names). */
  resolveHost?: ResolveAll;
};

export function createApp({
  db,
  config,
  clock = Date.now,
  logger,
  vapidKeys,
  mailer,
  course,
  resolveHost,
}: CreateAppOptions): Hono<AppEnv> {
  const log = logger ?? createLogger(config.logLevel);
  const deps: AppDeps = {
    db,
    config,
    clock,
    logger: log,
    limiter: createRateLimiter(db, clock),
    mailer: mailer ?? (config.mail ? createMailer(config.mail) : undefined),
    course: course ?? loadCourseIndex(config.distDir, (message) => log.info(message, {})),
    resolveHost: resolveHost ?? resolveAll,
  };
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(log), securityHeaders());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) => {
        lingerOnClose(c);
        return c.json(
          { error: { code: 'body_too_large', message: `The body is over ${config.bodyLimitBytes} bytes.` } },
          413,
          { Connection: 'close' },
        );
      },
    }),
  );
  for (const routes of [
    healthRoutes,
    accountRoutes,
    sessionRoutes,
    profileRoutes,
    deviceRoutes,
    syncPushRoutes,
    syncPullRoutes,
    certificateRoutes,
    recoveryRoutes,
    leaderResetRoutes,
    myDataRoutes,
    // Before teamRoutes: GET /teams/overview is not a team id.
    teamDashboardRoutes,
    teamRoutes,
    inviteRoutes,
    assignmentRoutes,
    facilitatedSessionRoutes,
    xapiKeyRoutes,
    xapiForwardRoutes,
  ]) {
    app.route('/api/v1', routes(deps));
  }
  app.route('/api/v1', reminderRoutes(deps, vapidKeys ?? vapidKeysOnce(db, clock)));
  app.route('/xapi', statementRoutes(deps));
  app.use('*', staticFiles(config.distDir));
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` } }, 404),
  );
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return c.json(
        { error: { code: error.code, message: error.message, ...error.details } },
        error.status,
        error.headers,
      );
    }
    if (isDatabaseUnavailable(error)) {
      log.warn('database unavailable', { method: c.req.method, path: c.req.path });
      return c.json(
        {
          error: { code: 'unavailable', message: 'The server cannot reach its database. Try again shortly.' },
        },
        503,
        { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
      );
    }
    if (isStorageFull(error)) {
      log.error('storage full', { method: c.req.method, path: c.req.path, error: describe(error) });
      return c.json(
        {
          error: {
            code: 'storage_full',
            message: 'The server has run out of disk space. Nothing was saved; try again later.',
          },
        },
        507,
        { 'Retry-After': String(STORAGE_FULL_RETRY_AFTER_SECONDS) },
      );
    }
    log.error('unhandled error', {
      method: c.req.method,
      path: c.req.path,
      error: describe(error),
    });
    return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
  });
  return app;
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
