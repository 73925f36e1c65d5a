// Hybrid logical clock: orders events across devices even when their wall clocks disagree.
// Encoded as a fixed-width string so that plain string comparison is causal order:
// `<wall ms, 15 digits>:<counter, 5 digits>:<node id>`.

export type Hlc = { wall: number; counter: number; node: string };

export function formatHlc({ wall, counter, node }: Hlc): string {
  return `${String(wall).padStart(15, '0')}:${String(counter).padStart(5, '0')}:${node}`;
}

export function parseHlc(text: string): Hlc {
  const [wall, counter, ...node] = text.split(':');
  return { wall: Number(wall), counter: Number(counter), node: node.join(':') };
}

/**
 * How far ahead of this device's clock its last timestamp may be before it is dropped. The server refuses
 * events whose HLC is more than 24 h ahead of its own clock; a device whose clock once jumped a day ahead
 * and came back would otherwise stamp every later event a day ahead too, and have all of them refused.
 */
export const MAX_HLC_LEAD_MS = 24 * 60 * 60 * 1000;

/** The next timestamp for a local event, given the last one this device issued and its clock now. */
export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  if (!last || nowMs > last.wall || last.wall - nowMs > MAX_HLC_LEAD_MS)
    return { wall: nowMs, counter: 0, node };
  return { wall: last.wall, counter: last.counter + 1, node };
}

/** Moves the local clock past a timestamp received from another device. */
export function receiveHlc(local: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  const wall = Math.max(local?.wall ?? 0, remote.wall, nowMs);
  if (wall === nowMs && wall !== local?.wall && wall !== remote.wall) return { wall, counter: 0, node };
  const counter = Math.max(
    local && local.wall === wall ? local.counter : -1,
    remote.wall === wall ? remote.counter : -1,
  );
  return { wall, counter: counter + 1, node };
}
