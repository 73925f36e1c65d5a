// The learner's speed and voice for read aloud, kept on this device: voices belong to the device, so they
// are not synced with the rest of the settings. Storage that cannot be used (private mode, full) is ignored.
import { READ_ALOUD_RATES } from '../../shared/device/read-aloud-rates';

export type ReadAloudChoice = { rate: number; voiceUri: string };

const KEY = 'pocket-cpd:read-aloud';
const DEFAULT: ReadAloudChoice = { rate: 1, voiceUri: '' };

export function loadReadAloudChoice(): ReadAloudChoice {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ReadAloudChoice> | null;
    return {
      // A speed the menu no longer offers falls back to normal.
      rate:
        typeof parsed?.rate === 'number' && (READ_ALOUD_RATES as readonly number[]).includes(parsed.rate)
          ? parsed.rate
          : DEFAULT.rate,
      voiceUri: typeof parsed?.voiceUri === 'string' ? parsed.voiceUri : DEFAULT.voiceUri,
    };
  } catch {
    return DEFAULT;
  }
}

export function saveReadAloudChoice(choice: ReadAloudChoice): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(choice));
  } catch {
    // Not remembered this time; reading aloud still works.
  }
}
