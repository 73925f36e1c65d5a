/**
 * Opens the app afresh at its start page, so everything the last person left in memory (screens, stores,
 * the sync engine, the open database) goes with the old page and the new one opens the new person's.
 */
export function leaveForStart(): void {
  window.location.assign('/');
}
