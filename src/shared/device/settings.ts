// The learner's settings, stored as the doc `settings` and synced like any other doc. Parsing is
// forgiving: a doc written by a newer or older app falls back to defaults field by field. The reading
// adjustments added later (line and letter spacing, font, motion, name on certificates) are optional, so
// a doc written before them still loads, and an absent field means its default (see `readingOf`).

import { AUDIENCES, type Audience } from '../content/content-types';
import { cleanText } from '../text/clean-text';

export type Role = Exclude<Audience, 'all'>;
export type Theme = 'system' | 'light' | 'dark' | 'cream' | 'high-contrast';
/** Line height of lesson text. */
export type LineSpacing = 1.6 | 1.9 | 2.2;
/** `wide` is WCAG 1.4.12's text spacing: letters 0.12em, words 0.16em apart. */
export type LetterSpacing = 'normal' | 'wide';
/** The bundled Atkinson Hyperlegible, or the device's own interface font. */
export type Font = 'atkinson' | 'system';
/** `system` follows the device's "reduce motion"; `reduce` turns motion off whatever the device says. */
export type Motion = 'system' | 'reduce';

export type Settings = {
  /** Undefined until the learner picks one; the catalogue order is used meanwhile. */
  role?: Role;
  /** Percent of the browser's base font size. */
  textSize: number;
  theme: Theme;
  lineSpacing?: LineSpacing;
  letterSpacing?: LetterSpacing;
  font?: Font;
  motion?: Motion;
  /** The learner's name as printed on certificates; absent means the account's display name, if any. */
  certificateName?: string;
};

export type ReadingSettings = Required<Pick<Settings, 'lineSpacing' | 'letterSpacing' | 'font' | 'motion'>>;

/** Every audience a learner can be, in the content schema's order: all of them but `all`. */
export const ROLES: readonly Role[] = AUDIENCES.filter((a): a is Role => a !== 'all');
export const TEXT_SIZES: readonly number[] = [100, 125, 150, 175, 200];
export const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'cream', 'high-contrast'];
export const LINE_SPACINGS: readonly LineSpacing[] = [1.6, 1.9, 2.2];
export const LETTER_SPACINGS: readonly LetterSpacing[] = ['normal', 'wide'];
export const FONTS: readonly Font[] = ['atkinson', 'system'];
export const MOTIONS: readonly Motion[] = ['system', 'reduce'];
export const DEFAULT_SETTINGS: Settings = { textSize: 100, theme: 'system' };
export const DEFAULT_READING: ReadingSettings = {
  lineSpacing: 1.6,
  letterSpacing: 'normal',
  font: 'atkinson',
  motion: 'system',
};
/** Longer names are cut: a certificate line has room for about this many characters. */
export const MAX_CERTIFICATE_NAME = 80;

export function parseSettings(body: Record<string, unknown> | undefined): Settings {
  const role = ROLES.find((r) => r === body?.role);
  const theme = THEMES.find((t) => t === body?.theme) ?? DEFAULT_SETTINGS.theme;
  const size = typeof body?.textSize === 'number' ? body.textSize : DEFAULT_SETTINGS.textSize;
  const textSize = Math.min(200, Math.max(100, Math.round(size)));
  const settings: Settings = role ? { role, textSize, theme } : { textSize, theme };
  const lineSpacing = LINE_SPACINGS.find((s) => s === body?.lineSpacing);
  if (lineSpacing) settings.lineSpacing = lineSpacing;
  const letterSpacing = LETTER_SPACINGS.find((s) => s === body?.letterSpacing);
  if (letterSpacing) settings.letterSpacing = letterSpacing;
  const font = FONTS.find((f) => f === body?.font);
  if (font) settings.font = font;
  const motion = MOTIONS.find((m) => m === body?.motion);
  if (motion) settings.motion = motion;
  const name = typeof body?.certificateName === 'string' ? cleanName(body.certificateName) : '';
  if (name) settings.certificateName = name;
  return settings;
}

// Every field, so that a new setting cannot be left out of the comparison (the type requires it here).
const EVERY_FIELD: Record<keyof Settings, true> = {
  role: true,
  textSize: true,
  theme: true,
  lineSpacing: true,
  letterSpacing: true,
  font: true,
  motion: true,
  certificateName: true,
};

export function sameSettings(a: Settings, b: Settings): boolean {
  return (Object.keys(EVERY_FIELD) as (keyof Settings)[]).every((key) => a[key] === b[key]);
}

/** The reading adjustments with defaults filled in. */
export function readingOf(settings: Settings): ReadingSettings {
  return {
    lineSpacing: settings.lineSpacing ?? DEFAULT_READING.lineSpacing,
    letterSpacing: settings.letterSpacing ?? DEFAULT_READING.letterSpacing,
    font: settings.font ?? DEFAULT_READING.font,
    motion: settings.motion ?? DEFAULT_READING.motion,
  };
}

/** A name as typed, with runs of spaces collapsed and cut to the certificate's room. */
export function cleanName(name: string): string {
  return cleanText(name, MAX_CERTIFICATE_NAME);
}
