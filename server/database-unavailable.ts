// Tells a database that is down, restarting or unreachable apart from a bug. Such errors answer 503 with
// Retry-After (the device retries later) instead of 500, and never stop the process: the pool drops the
// broken connection and opens a new one on the next query.
import { errorChain } from './driver-errors';

/** Error codes of a lost or refused connection: Node's socket errors and PostgreSQL's classes 08 and 57P. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown, cannot_connect_now (starting up)
  '57P01',
  '57P02',
  '57P03',
  // too_many_connections
  '53300',
  // serialization_failure, deadlock_detected: the same request succeeds when sent again
  '40001',
  '40P01',
  // read_only_sql_transaction: a replica that has not been promoted yet, during a failover
  '25006',
  // SQLite: another process held the write lock past busy_timeout
  'SQLITE_BUSY',
]);

// node-postgres reports a dropped socket and a connect timeout with a message and no code.
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /client was closed and is not queryable/i,
  /connection timeout/i,
];

export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some(
    ({ code, message }) =>
      (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) ||
      (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))),
  );
}
