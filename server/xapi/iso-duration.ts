// ISO 8601 durations as xAPI writes them (`PT1H2M3.45S`). xAPI keeps 0.01 s of precision (§4.6), so
// milliseconds are rounded to hundredths.

/** A duration in milliseconds as an ISO 8601 duration of hours, minutes and seconds. */
export function isoDuration(ms: number): string {
  const hundredths = Math.round(Math.max(0, ms) / 10);
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6_000);
  const seconds = (hundredths % 6_000) / 100;
  let text = 'PT';
  if (hours > 0) text += `${hours}H`;
  if (minutes > 0) text += `${minutes}M`;
  if (seconds > 0 || text === 'PT') text += `${seconds}S`;
  return text;
}
