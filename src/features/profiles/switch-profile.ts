import { profilesRepo } from '../../db/profiles-repo';
import { resetStores } from '../../lib/store';
import { markChosenThisVisit } from './chosen-this-visit';
import { leaveForStart } from './leave-for-start';

/**
 * Makes `databaseName` the person studying. The sync engine stops first and waits for its round (the
 * stores' reset), so nothing of the last person is sent or written after the switch; the app then opens
 * afresh with the new person's database, and its sync starts for their account if they have one.
 */
export async function switchProfile(databaseName: string): Promise<void> {
  await resetStores();
  await profilesRepo.activate(databaseName);
  markChosenThisVisit();
  leaveForStart();
}
