import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { appSync } from '../../sync/app-sync';
import { chosenThisVisit, forgetChosenThisVisit } from './chosen-this-visit';
import { leaveForStart } from './leave-for-start';

/**
 * Removes a person who forgot their PIN from this device, without it (docs/accounts.md, "Forgot PIN?"):
 * the PIN screens colleagues from each other's notes, and removing shows nothing of anyone's; it loses only
 * this device's copy of the person removed. Removing the person studying now stops sync first and opens the
 * app afresh at "Who is studying?".
 */
export async function forgetPerson(person: ProfileRow): Promise<void> {
  const studying = person.databaseName === profilesRepo.activeDatabaseName();
  if (studying) await appSync.stop();
  await profilesRepo.removeWithoutPin(person.databaseName);
  if (studying) {
    forgetChosenThisVisit();
    leaveForStart();
    return;
  }
  // Whoever is studying now already gave their PIN this visit: if they are the one left, it is their device.
  if (chosenThisVisit()) await profilesRepo.endSharingIfAlone();
}
