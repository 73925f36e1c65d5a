// The slides window and the presenter view (a second window on the facilitator's laptop) talk over a
// BroadcastChannel: same device, same origin, no network, so it works offline. The slides are the source
// of truth; the presenter view asks for the state when it opens and can move the slides on.

export type PresenterState = {
  /** The slide on screen. */
  index: number;
  /** Whether the poll on screen shows its answer. */
  revealed: boolean;
  /** When the session's clock started (epoch ms). */
  startedAt: number;
};

export type PresenterMessage =
  | { type: 'state'; state: PresenterState }
  | { type: 'hello' }
  | { type: 'go'; to: 'next' | 'previous' };

export function presenterChannel(sessionKey: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined'
    ? null
    : new BroadcastChannel(`pocket-cpd-present:${sessionKey}`);
}

/** The keys a keyboard or a presentation clicker sends, by what they do. */
export function keyAction(key: string): 'next' | 'previous' | 'first' | 'last' | 'reveal' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'n':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
    case 'p':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
    case 'r':
      return 'reveal';
    default:
      return null;
  }
}
