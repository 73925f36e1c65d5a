/** "1 minute", "5 minutes": the app's and the prerendered pages' one wording for a length of time. */
export function minutesText(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}
