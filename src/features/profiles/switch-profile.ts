import { profilesRepo } from '../../db/profiles-repo';
import { appSync } from '../../sync/app-sync';
import { markChosenThisVisit } from './chosen-this-visit';
import { leaveForStart } from './leave-for-start';

/**
 * Makes `databaseName` the person studying. The sync engine stops first and waits for its round, so
 * nothing of the last person is sent or written after the switch; the app then opens afresh, which resets
 * everything held in memory (screens, stores, the open database) and opens the new person's database, and
 * sync starts for their account if they have one.
 */
export async function switchProfile(databaseName: string): Promise<void> {
  await appSync.stop();
  await profilesRepo.activate(databaseName);
  markChosenThisVisit();
  leaveForStart();
}
