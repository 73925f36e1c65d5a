// The learner's settings, stored as the doc `settings` and synced like any other doc. Parsing is
// forgiving: a doc written by a newer or older app falls back to defaults field by field.
import type { Audience } from './content-types';

export type Role = Exclude<Audience, 'all'>;
export type Theme = 'system' | 'light' | 'dark';

export type Settings = {
  /** Undefined until the learner picks one; the catalogue order is used meanwhile. */
  role?: Role;
  /** Percent of the browser's base font size. */
  textSize: number;
  theme: Theme;
};

export const ROLES: readonly Role[] = ['teacher', 'ta', 'early-years', 'college', 'leader'];
export const TEXT_SIZES: readonly number[] = [100, 125, 150, 175, 200];
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
export const DEFAULT_SETTINGS: Settings = { textSize: 100, theme: 'system' };

export function parseSettings(body: Record<string, unknown> | undefined): Settings {
  const role = ROLES.find((r) => r === body?.role);
  const theme = THEMES.find((t) => t === body?.theme) ?? DEFAULT_SETTINGS.theme;
  const size = typeof body?.textSize === 'number' ? body.textSize : DEFAULT_SETTINGS.textSize;
  const textSize = Math.min(200, Math.max(100, Math.round(size)));
  return role ? { role, textSize, theme } : { textSize, theme };
}
