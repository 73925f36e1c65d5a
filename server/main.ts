// The server process: read config (exit 1 with a message if it is wrong), open the database, migrate,
// serve the API and the built PWA, and close cleanly on SIGINT/SIGTERM.
import { serve } from '@hono/node-server';
import { loadConfig } from './config';
import { createApp } from './create-app';
import { createLogger } from './logger';
import { migrateToLatest } from './migrations';
import { openDatabase } from './open-database';
import { startReminderScheduler } from './reminders/reminder-scheduler';
import { vapidKeysOnce } from './reminders/vapid-keys';

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\nSee docs/deployment.md for the variables.\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.database);
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
  const app = createApp({ db, config, logger, vapidKeys });
  const stopReminders =
    config.reminderIntervalMs > 0
      ? startReminderScheduler(
          { db, logger, vapidKeys, vapidSubject: config.vapidSubject },
          config.reminderIntervalMs,
        )
      : () => undefined;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.info('listening', { url: `http://${host}:${info.port}`, db: db.dialect });
  });
  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    stopReminders();
    server.close(() => {
      db.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    // Keep-alive connections can hold close() open; do not hang a deploy on them.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
