import { docsRepo } from '../../db/docs-repo';
import { writeErrors } from '../../lib/write-errors';
import type { Role } from '../../shared/settings';

/**
 * Stores the role chosen on Today in the `settings` doc, keeping every other setting in it (the settings
 * page reads the same doc, so the choice shows there at once). A failed write is reported; resolves false.
 */
export async function chooseRole(role: Role): Promise<boolean> {
  return writeErrors.run(async () => {
    const body = (await docsRepo.get('settings'))?.body ?? {};
    await docsRepo.put('settings', { ...body, role });
  });
}
