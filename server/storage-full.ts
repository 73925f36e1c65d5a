// A full disk is an operator's problem, not a bug: it gets its own log line (`storage full`) and a clear
// 507 the device treats like any 5xx (it keeps its changes and retries later), instead of a bare 500.
//   SQLite: SQLITE_FULL (better-sqlite3 sets `code`); the file system: ENOSPC (e.g. creating the WAL);
//   PostgreSQL: SQLSTATE 53100 disk_full (node-postgres sets `code`).
import { errorChain } from './driver-errors';

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', '53100']);

/** How long a device waits before trying again: freeing disk space is an operator's job. */
export const STORAGE_FULL_RETRY_AFTER_SECONDS = 300;

export function isStorageFull(error: unknown): boolean {
  return errorChain(error).some(({ code }) => typeof code === 'string' && FULL_CODES.has(code));
}
