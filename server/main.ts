// The server process: read config (exit 1 with a plain message if it is wrong), open the database,
// migrate, serve the API and the built PWA, and on SIGINT/SIGTERM stop taking connections, let requests
// in flight finish, close the database and exit 0. Everything it creates (the data folder, the database
// and its WAL files) is readable by its owner only.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { loadOrCreateSigningKey } from './certificates/certificate-keys';
import { loadConfig } from './config';
import { createApp } from './create-app';
import { createLogger } from './logger';
import { migrateToLatest } from './migrations';
import { openDatabase } from './open-database';
import { startPurgeScheduler } from './purge';
import { startReminderScheduler } from './reminders/reminder-scheduler';
import { vapidKeysOnce } from './reminders/vapid-keys';
import { assignmentsDueSoon } from './teams/assignments-due-soon';
import { loadCourseIndex } from './teams/course-index';
import { startXapiForwarder } from './xapi/xapi-forwarder';

/** How long requests in flight may take to finish after a stop signal before they are cut. */
const GRACE_MS = 5_000;

function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === 'EADDRINUSE') {
    return `Port ${port} on ${host} is already in use: stop the program using it, or set PORT to a free port.`;
  }
  if (error.code === 'EACCES')
    return `Not allowed to listen on ${host}:${port} (ports below 1024 need privileges).`;
  if (error.code === 'EADDRNOTAVAIL') return `HOST ${host} is not an address of this machine.`;
  return `Cannot listen on ${host}:${port}: ${error.message}`;
}

async function main(): Promise<void> {
  process.umask(0o077);
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\nSee docs/deployment.md for the variables.\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.database, { logger });
  try {
    await migrateToLatest(db.kysely);
  } catch (error) {
    logger.error('database start failed', { error: error instanceof Error ? error.message : String(error) });
    await db.close();
    process.exit(1);
  }
  // Made (or read) before serving, so a database that cannot store them fails the start, not a learner.
  const vapidKeys = vapidKeysOnce(db, Date.now);
  await vapidKeys();
  await loadOrCreateSigningKey(db, Date.now());
  // Read once and shared: the routes and the xAPI forwarder map events against the same course.
  const course = loadCourseIndex(config.distDir, (message) => logger.info(message, {}));
  const app = createApp({ db, config, logger, vapidKeys, course });
  const stopReminders =
    config.reminderIntervalMs > 0
      ? startReminderScheduler(
          {
            db,
            logger,
            vapidKeys,
            vapidSubject: config.vapidSubject,
            assignmentsDueSoon: assignmentsDueSoon(db),
          },
          config.reminderIntervalMs,
        )
      : () => undefined;
  const stopPurge = startPurgeScheduler({ db, logger, deviceIdleMs: config.deviceIdleMs });
  const stopForwarder = startXapiForwarder({
    db,
    course,
    logger,
    allowPrivateAddresses: config.xapiForwardAllowPrivate ?? false,
  });
  // No createServer option is passed, so this is a plain node:http server.
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host}:${info.port}`;
    logger.info('listening', { url, db: db.dialect });
    // scripts/start.mjs announces the URL to a person only now, when it can be opened.
    process.send?.({ listening: url });
  });
  const http = server as Server;
  http.once('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`${listenProblem(error, config.host, config.port)}\n`);
    db.close().then(
      () => process.exit(1),
      () => process.exit(1),
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl+C: the person wants out now.
      process.exit(1);
    }
    stopping = true;
    logger.info('stopping', { signal });
    stopReminders();
    stopPurge();
    stopForwarder();
    const cut = setTimeout(() => http.closeAllConnections(), GRACE_MS);
    cut.unref();
    http.close(() => {
      clearTimeout(cut);
      db.close().then(
        () => {
          logger.info('stopped', {});
          process.exit(0);
        },
        (error: unknown) => {
          logger.error('database close failed', {
            error: error instanceof Error ? error.message : String(error),
          });
          process.exit(1);
        },
      );
    });
    // Idle keep-alive connections would otherwise hold close() open until the client drops them.
    http.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Started by scripts/start.mjs: if that parent is gone (killed with its npm and shell), stop too,
  // rather than hold the port with nobody left to stop us.
  if (process.send) process.on('disconnect', () => stop('parent exited'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
