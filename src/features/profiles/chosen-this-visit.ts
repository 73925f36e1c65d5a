// Whether someone already said who is studying since the app was opened in this tab. Kept in
// sessionStorage, so a reload (even offline) keeps the person; a new launch of the app asks again.
const KEY = 'pocket-cpd.person-chosen';

export function chosenThisVisit(): boolean {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return true;
  }
}

export function markChosenThisVisit(): void {
  try {
    sessionStorage.setItem(KEY, '1');
  } catch {
    // Storage refused: the picker is not asked for again, as if chosen.
  }
}

/** The person studying was removed ("Forgot PIN?"): whoever opens next is asked who they are. */
export function forgetChosenThisVisit(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused: nothing was kept to forget.
  }
}
