import { slugify } from './slugify';

/** Gives each heading in one lesson a unique id: a repeated slug gets `-2`, `-3`, … in order. */
export function createSlugger(reserved: readonly string[] = []): (text: string) => string {
  const seen = new Set<string>(reserved);
  return (text) => {
    const base = slugify(text);
    let slug = base;
    for (let n = 2; seen.has(slug); n++) slug = `${base}-${n}`;
    seen.add(slug);
    return slug;
  };
}
