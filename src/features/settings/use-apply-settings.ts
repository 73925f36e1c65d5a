import { useEffect } from 'react';
import { applySettings } from '../../lib/apply-settings';
import { readingOf, type Settings } from '../../shared/settings';
import { useSettings } from './use-settings';

/**
 * Keeps `<html>` in step with the settings doc, including changes synced from another device. Text size
 * and theme go through `applySettings`; the reading adjustments become data attributes and a custom
 * property the stylesheet reads, so lessons change at once without re-rendering.
 */
export function useApplySettings(): void {
  const settings = useSettings();
  useEffect(() => {
    if (!settings) return;
    applySettings(settings);
    applyReading(settings, document.documentElement);
  }, [settings]);
}

function applyReading(settings: Settings, root: HTMLElement): void {
  const reading = readingOf(settings);
  root.style.setProperty('--line-height', String(reading.lineSpacing));
  root.dataset.letterSpacing = reading.letterSpacing;
  root.dataset.font = reading.font;
  // Absent for "system", so the stylesheet's prefers-reduced-motion query decides.
  if (reading.motion === 'reduce') root.dataset.motion = 'reduce';
  else delete root.dataset.motion;
}
