// JSON with object keys sorted at every level, so two equal events give equal strings whatever order
// their keys arrived in. Used to tell a re-pushed event (duplicate) from a different one (conflict).
// Hand-rolled rather than a JSON.stringify replacer: it runs for every pushed event and is ~3× faster.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v !== undefined && typeof v !== 'function') parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}
