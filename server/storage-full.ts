// A full disk is an operator's problem, not a bug: it gets its own log line (`storage full`) and a clear
// 507 the device treats like any 5xx (it keeps its changes and retries later), instead of a bare 500.
//   SQLite: SQLITE_FULL (better-sqlite3 sets `code`); the file system: ENOSPC (e.g. creating the WAL);
//   PostgreSQL: SQLSTATE 53100 disk_full (node-postgres sets `code`).
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', '53100']);

export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  // Kysely and pg pass the driver's error up as is; a wrapper may keep it as `cause`.
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && FULL_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
