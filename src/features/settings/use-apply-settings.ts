import { useEffect } from 'react';
import { settingsStore } from '../../db/settings-store';
import { applyReading, applySettings } from '../../lib/browser/apply-settings';
import { useStoreValue } from '../../lib/stores/use-store-value';

/** Keeps `<html>` in step with the settings doc, including changes synced from another device. */
export function useApplySettings(): void {
  const settings = useStoreValue(settingsStore);
  useEffect(() => {
    if (!settings) return;
    applySettings(settings);
    applyReading(settings);
  }, [settings]);
}
