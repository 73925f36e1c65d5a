// Asks the browser once to keep this site's storage under pressure (navigator.storage.persist), when the
// learner first commits to offline study by downloading a module. The answer is kept in `meta` so the
// storage panel can explain a refusal; a failed write of it is harmless (we would simply ask again).
import { metaRepo } from '../db/meta-repo';
import { type Persistence, storageEstimate } from '../lib/browser/storage-estimate';

export async function askToKeepStorage(): Promise<Persistence> {
  const known = await metaRepo.get('storagePersistence').catch(() => undefined);
  // Once only: Firefox shows a prompt, and asking again after a refusal would nag.
  if (known !== undefined) return known;
  const answer = await storageEstimate.requestPersistence();
  await metaRepo.set('storagePersistence', answer).catch(() => undefined);
  return answer;
}
