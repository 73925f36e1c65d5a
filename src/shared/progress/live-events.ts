import type { LearnerEvent } from './events';

/** The fold's order, causal across devices: by hlc, then by id so that equal clocks still order one way. */
export function byHlcThenId(a: { hlc: string; id: string }, b: { hlc: string; id: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/**
 * The events that still count, in causal order: duplicates (the same id pulled back from the server)
 * once, events named by a `voided` event dropped, the `voided` events themselves left out. Sorted by
 * hlc then id, the same order `foldProgress` uses, so every derived view replays the same history.
 */
export function liveEvents(events: readonly LearnerEvent[]): LearnerEvent[] {
  const byId = new Map<string, LearnerEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  const voided = new Set<string>();
  for (const event of byId.values()) if (event.type === 'voided') voided.add(event.payload.eventId);
  return [...byId.values()]
    .filter((event) => event.type !== 'voided' && !voided.has(event.id))
    .sort(byHlcThenId);
}
