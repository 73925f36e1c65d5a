import { docsRepo } from '../../db/docs-repo';
import { writeErrors } from '../../lib/write-errors';
import type { Settings } from '../../shared/settings';
import { localSettings } from './local-settings';

/**
 * Applies a choice at once and stores it as the `settings` doc (which the sync engine pushes like any
 * dirty doc). If the device is full the choice still applies for this visit and the learner is told.
 */
export async function updateSettings(next: Settings): Promise<void> {
  localSettings.set(next);
  await writeErrors.run(() => docsRepo.put('settings', { ...next }));
}
