import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { appSync } from '../../sync/app-sync';
import { forgetChosenThisVisit } from './chosen-this-visit';
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
  try {
    await profilesRepo.removeWithoutPin(person.databaseName);
  } catch (error) {
    // Sync was stopped for a removal that did not happen: the person stays, so their sync goes on.
    if (studying) await appSync.startIfSignedIn();
    throw error;
  }
  if (studying) {
    forgetChosenThisVisit();
    leaveForStart();
  }
  // The one left, if only one is, stays listed with their PIN: the device becomes theirs alone only when
  // they give it (people-page.tsx), never because someone removed the others.
}
