import { docsRepo } from '../../db/docs-repo';
import { settingsStore } from '../../db/settings-store';
import { writeErrors } from '../../lib/stores/write-errors';
import type { Role } from '../../shared/device/settings';

/**
 * Stores the role chosen on Today in the `settings` doc, keeping every other setting in it (the settings
 * page reads the same doc). The choice shows at once; if the write fails it still applies for this visit,
 * the learner is told, and this resolves false.
 */
export async function chooseRole(role: Role): Promise<boolean> {
  const current = settingsStore.get();
  if (current) settingsStore.choose({ ...current, role });
  return writeErrors.run(async () => {
    const body = (await docsRepo.get('settings'))?.body ?? {};
    await docsRepo.put('settings', { ...body, role });
  });
}
