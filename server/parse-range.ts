/** The byte span a `Range` header asks of a file of `size` bytes (RFC 9110 §14.1.2, one range only). */
export type ByteRange = { start: number; end: number };

/**
 * `null` when the header is absent, malformed or asks for several ranges (the whole file is sent then);
 * 'unsatisfiable' when it starts past the end of the file (answered 416).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!match) return null;
  const [, first, last] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}
