/**
 * Sorts a link or image address into what the compiler allows. It is an allow-list: only `https:`,
 * `mailto:`, in-page anchors and relative paths pass; everything else is reported.
 */
export type UrlKind = 'https' | 'mailto' | 'anchor' | 'relative' | 'http' | 'dangerous' | 'other-scheme';

const DANGEROUS = new Set(['javascript', 'vbscript', 'data', 'file', 'blob']);

// Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`), so do we.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0020\u007f-\u009f]/g;

export function classifyUrl(url: string): UrlKind {
  const squashed = url.replace(CONTROL, '');
  let decoded = squashed;
  try {
    decoded = decodeURIComponent(squashed);
  } catch {
    // A malformed escape is not a scheme; classify the raw text.
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decoded.replace(CONTROL, ''))?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (squashed.startsWith('//')) return 'other-scheme';
    return squashed.startsWith('#') ? 'anchor' : 'relative';
  }
  if (scheme === 'https') return 'https';
  if (scheme === 'mailto') return 'mailto';
  if (scheme === 'http') return 'http';
  return DANGEROUS.has(scheme) ? 'dangerous' : 'other-scheme';
}
