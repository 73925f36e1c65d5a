// How a confidence figure reads on screen and in the record: a mean on the five-point scale to one
// decimal place, and a change with its direction in words (a sign alone is easy to miss when read aloud).

export function confidenceScore(mean: number): string {
  return `${mean.toFixed(1)} out of 5`;
}

export function confidenceChangeText(change: number): string {
  const size = Math.abs(change).toFixed(1);
  if (size === '0.0') return 'no change';
  return change > 0 ? `up ${size}` : `down ${size}`;
}
