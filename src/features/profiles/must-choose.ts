import type { ProfileRow } from '../../db/profiles-repo';
import { chosenThisVisit } from './chosen-this-visit';

/**
 * On a shared device, whether "Who is studying?" must be answered before anything of the person studying
 * shows: nobody chose since the app was opened, or they have no PIN yet (added before every person on a
 * shared device needed one) and must set it first.
 */
export function mustChoose(me: ProfileRow | undefined): boolean {
  return !chosenThisVisit() || !me?.pin;
}
