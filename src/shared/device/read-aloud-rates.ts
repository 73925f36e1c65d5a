/** Reading speeds offered by read aloud, with how each is named in its menu. */
export const READ_ALOUD_RATES = [0.75, 1, 1.25, 1.5] as const;

export function rateLabel(rate: number): string {
  return rate === 1 ? 'Normal' : `${rate}×`;
}
