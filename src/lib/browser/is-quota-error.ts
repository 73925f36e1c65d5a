type MaybeError = { name?: unknown; inner?: unknown } | null | undefined;

/**
 * True when a storage write failed because the device is out of space. IndexedDB reports it as a
 * `QuotaExceededError`; Dexie may instead reject with the transaction's `AbortError` and keep the real
 * cause in `inner`, so follow that chain.
 */
export function isQuotaError(error: unknown): boolean {
  let current = error as MaybeError;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.name === 'QuotaExceededError') return true;
    current = current.inner as MaybeError;
  }
  return false;
}
