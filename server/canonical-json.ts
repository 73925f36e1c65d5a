// JSON with object keys sorted at every level, so two equal events give equal strings whatever order
// their keys arrived in. Used to tell a re-pushed event (duplicate) from a different one (conflict).
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
