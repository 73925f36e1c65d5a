import type { Settings } from '../shared/settings';

/**
 * Puts the learner's text size and theme on `<html>`: the stylesheet scales from `--text-scale` and picks
 * colours from `data-theme` (absent for "system", so `prefers-color-scheme` decides).
 */
export function applySettings(
  { textSize, theme }: Settings,
  root: HTMLElement = document.documentElement,
): void {
  root.style.setProperty('--text-scale', String(textSize / 100));
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
