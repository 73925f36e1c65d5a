import type { LearnerEvent } from './events';

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
    .sort((a, b) => (a.hlc !== b.hlc ? (a.hlc < b.hlc ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
