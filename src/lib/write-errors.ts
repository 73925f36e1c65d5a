// The one place a failed save is reported, so the layout can show a clear message whichever screen the
// learner was on. Nothing is retried here: the screen keeps what the learner typed, and earlier saved
// data is untouched because a failed IndexedDB transaction writes nothing.
import { useSyncExternalStore } from 'react';
import { isQuotaError } from './is-quota-error';

export type WriteError = { kind: 'quota' | 'other'; message: string };

let current: WriteError | null = null;
const listeners = new Set<() => void>();

function emit(next: WriteError | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export const writeErrors = {
  report(error: unknown): void {
    emit({
      kind: isQuotaError(error) ? 'quota' : 'other',
      message: error instanceof Error ? error.message : String(error),
    });
  },
  clear(): void {
    emit(null);
  },
  /** Runs a write; on failure reports it and resolves false instead of rejecting. */
  async run(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      writeErrors.report(error);
      return false;
    }
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): WriteError | null => current,
};

export function useWriteError(): WriteError | null {
  return useSyncExternalStore(writeErrors.subscribe, writeErrors.snapshot, writeErrors.snapshot);
}
