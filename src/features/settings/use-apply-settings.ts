import { useEffect } from 'react';
import { applyReading, applySettings } from '../../lib/apply-settings';
import { useSettings } from './use-settings';

/** Keeps `<html>` in step with the settings doc, including changes synced from another device. */
export function useApplySettings(): void {
  const settings = useSettings();
  useEffect(() => {
    if (!settings) return;
    applySettings(settings);
    applyReading(settings);
  }, [settings]);
}
