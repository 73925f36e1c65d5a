// The one place a failed save is reported, so the layout can show a clear message whichever screen the
// learner was on. Nothing is retried here: the screen keeps what the learner typed, and earlier saved
// data is untouched because a failed IndexedDB transaction writes nothing.
import { isQuotaError } from '../browser/is-quota-error';
import { createStore } from './store';
import { useStore } from './use-store';

export type WriteError = { kind: 'quota' | 'other'; message: string };

const current = createStore<WriteError | null>(null);

export const writeErrors = {
  report(error: unknown): void {
    current.set(
      {
        kind: isQuotaError(error) ? 'quota' : 'other',
        message: error instanceof Error ? error.message : String(error),
      },
      { urgent: true },
    );
  },
  clear(): void {
    current.set(null, { urgent: true });
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
};

export function useWriteError(): WriteError | null {
  return useStore(current);
}
