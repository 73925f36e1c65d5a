import { DEFAULT_READING, DEFAULT_SETTINGS, readingOf, type Settings } from '../../shared/device/settings';

// Any write to <html>'s style or attributes makes the browser restyle the whole page: on a long lesson on a
// slow phone that is a long task. So a value is written only when it changes, and a default is written as
// nothing at all (the stylesheet's own default), which leaves a new learner's <html> untouched.
function setProperty(root: HTMLElement, name: string, value: string | null): void {
  const current = root.style.getPropertyValue(name);
  if (value === null) {
    if (current !== '') root.style.removeProperty(name);
  } else if (current !== value) root.style.setProperty(name, value);
}

function setData(root: HTMLElement, key: string, value: string | null): void {
  if (value === null) {
    if (key in root.dataset) delete root.dataset[key];
  } else if (root.dataset[key] !== value) root.dataset[key] = value;
}

/**
 * Puts the learner's text size and theme on `<html>`: the stylesheet scales from `--text-scale` and picks
 * colours from `data-theme` (absent for "system", so `prefers-color-scheme` decides).
 */
export function applySettings(
  { textSize, theme }: Settings,
  root: HTMLElement = document.documentElement,
): void {
  setProperty(root, '--text-scale', textSize === DEFAULT_SETTINGS.textSize ? null : String(textSize / 100));
  setData(root, 'theme', theme === 'system' ? null : theme);
}

/**
 * Puts the reading adjustments on `<html>` as `--line-height` and data attributes the stylesheet reads, so
 * lessons change at once without re-rendering. Motion is absent for "system", so the stylesheet's
 * prefers-reduced-motion query decides.
 */
export function applyReading(settings: Settings, root: HTMLElement = document.documentElement): void {
  const reading = readingOf(settings);
  const unlessDefault = <K extends keyof typeof DEFAULT_READING>(key: K): string | null =>
    reading[key] === DEFAULT_READING[key] ? null : String(reading[key]);
  setProperty(root, '--line-height', unlessDefault('lineSpacing'));
  setData(root, 'letterSpacing', unlessDefault('letterSpacing'));
  setData(root, 'font', unlessDefault('font'));
  setData(root, 'motion', unlessDefault('motion'));
}
