import { docsRepo } from '../../db/docs-repo';
import { settingsStore } from '../../db/settings-store';
import { writeErrors } from '../../lib/stores/write-errors';
import type { Settings } from '../../shared/device/settings';

// Optional fields: when `next` lacks one (the name on certificates emptied), it goes from the doc too.
const OPTIONAL = ['role', 'lineSpacing', 'letterSpacing', 'font', 'motion', 'certificateName'] as const;

/**
 * Applies a choice at once and stores it as the `settings` doc (which the sync engine pushes like any
 * dirty doc). Fields this version does not know (written by a newer app on another device) are kept.
 * If the device is full the choice still applies for this visit and the learner is told.
 */
export async function updateSettings(next: Settings): Promise<void> {
  settingsStore.choose(next);
  await writeErrors.run(async () => {
    const body: Record<string, unknown> = { ...(await docsRepo.get('settings'))?.body };
    for (const key of OPTIONAL) delete body[key];
    for (const [key, value] of Object.entries(next)) if (value !== undefined) body[key] = value;
    await docsRepo.put('settings', body);
  });
}
