// A database error as the app sees it: Kysely and pg pass the driver's error up as is, but a wrapper
// may keep it as `cause`. The classifiers (database-unavailable.ts, storage-full.ts) look at each link.

export type DriverError = { code?: unknown; message?: unknown };

/** The error and the errors it was caused by, outermost first, at most `depth` of them. */
export function errorChain(error: unknown, depth = 4): DriverError[] {
  const chain: DriverError[] = [];
  let current: unknown = error;
  while (chain.length < depth && typeof current === 'object' && current !== null) {
    chain.push(current as DriverError);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}
