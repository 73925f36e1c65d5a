import { useEffect } from 'react';
import { applySettings } from '../../lib/apply-settings';
import { useSettings } from './use-settings';

/** Keeps `<html>` in step with the settings doc, including changes synced from another device. */
export function useApplySettings(): void {
  const settings = useSettings();
  useEffect(() => {
    if (settings) applySettings(settings);
  }, [settings]);
}
