// The learner's latest choice, held in memory until Dexie hands the same settings back. Without it, a
// quick second change could be undone for a moment by the first write's echo from the live query.
import type { Settings } from '../../shared/settings';

let chosen: Settings | null = null;
const listeners = new Set<() => void>();

const KEYS = [
  'role',
  'textSize',
  'theme',
  'lineSpacing',
  'letterSpacing',
  'font',
  'motion',
  'certificateName',
] as const satisfies readonly (keyof Settings)[];

function same(a: Settings, b: Settings): boolean {
  return KEYS.every((key) => a[key] === b[key]);
}

export const localSettings = {
  get: (): Settings | null => chosen,
  set(next: Settings | null): void {
    chosen = next;
    for (const listener of listeners) listener();
  },
  /** Called with what Dexie holds: once it matches the choice, Dexie (and sync) lead again. */
  settle(stored: Settings): void {
    if (chosen && same(chosen, stored)) localSettings.set(null);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
