import { docsRepo } from '../../db/docs-repo';
import type { Settings } from '../../shared/settings';

/** Stores the settings doc; the sync engine pushes it like any other dirty doc. */
export function saveSettings(settings: Settings): Promise<void> {
  return docsRepo.put('settings', { ...settings });
}
