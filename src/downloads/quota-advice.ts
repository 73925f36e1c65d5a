// The message shown when the device has no room for a download: what to remove, by name, so the learner
// does not have to guess. Pure, so every case is a row in a table test.
import { formatBytes } from '../lib/text/format-bytes';

export type HeldModule = { id: string; title: string; bytes: number };

export function quotaAdvice(
  wanted: { id: string; title: string; bytes: number },
  held: HeldModule[],
): string {
  const others = held.filter((m) => m.id !== wanted.id).sort((a, b) => b.bytes - a.bytes);
  const head = `There is not enough space on this device to download “${wanted.title}” (${formatBytes(wanted.bytes)}).`;
  const safe = 'Your progress, notes and earlier downloads are safe.';
  if (others.length === 0) {
    return `${head} Free up space on the device (for example delete photos, videos or apps you no longer need), then try again. ${safe}`;
  }
  const names = others
    .slice(0, 2)
    .map((m) => `“${m.title}” (${formatBytes(m.bytes)})`)
    .join(' or ');
  return `${head} Remove a download you have finished with, such as ${names}, under Storage in Settings, or free up space on the device, then try again. ${safe}`;
}
