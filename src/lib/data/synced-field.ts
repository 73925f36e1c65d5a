// What a text field bound to a synced doc shows, and which stored version a new edit is built on.
// The field follows the stored copy whenever it changes underneath (a pull, a conflict resolved on this or
// another device, another tab), except while the learner has typed something not yet stored: then it keeps
// the typed text, and `seen` stays the version the learner actually saw, so the save is made against that
// version and a change made meanwhile comes back as a conflict instead of being overwritten.

/** The stored copy of a field as read from its doc: the text and the doc revision it belongs to. */
export type StoredText = { text: string; rev: number };

export type FieldState = {
  /** The stored version the learner last saw; null until the doc has been read. */
  seen: StoredText | null;
  /** What the field shows. */
  text: string;
  /** True from a keystroke until the save of the latest text is stored. */
  typing: boolean;
};

export type FieldEvent =
  /** The doc as read now. */
  | { type: 'stored'; stored: StoredText }
  | { type: 'typed'; text: string }
  /** A save of `text` was stored as `stored` (a save that failed changes nothing: the text stays to retry). */
  | { type: 'saved'; text: string; stored: StoredText }
  /** The learner chose a version (a conflict resolved): the field shows what was stored, typing or not. */
  | { type: 'replaced'; stored: StoredText }
  /** The learner left the field: a text shown in its typed form (see `normalize`) shows as stored. */
  | { type: 'left' };

export const initialField: FieldState = { seen: null, text: '', typing: false };

/**
 * `normalize` turns typed text into its stored form (e.g. a name tidied for the certificate). While what
 * the field shows still stores as the stored text, the field keeps it as typed, spaces and all.
 */
export function fieldReducer(
  state: FieldState,
  event: FieldEvent,
  normalize: (text: string) => string = (text) => text,
): FieldState {
  switch (event.type) {
    case 'stored': {
      if (state.typing) return state;
      const text = normalize(state.text) === event.stored.text ? state.text : event.stored.text;
      return { seen: event.stored, text, typing: false };
    }
    case 'typed':
      return { ...state, text: event.text, typing: true };
    case 'saved':
      // A keystroke made while saving is still to be saved, on top of what this save stored.
      return { seen: event.stored, text: state.text, typing: state.text !== event.text };
    case 'replaced':
      return { seen: event.stored, text: event.stored.text, typing: false };
    case 'left':
      return state.typing || !state.seen ? state : { ...state, text: state.seen.text };
  }
}
