// One hook for every text field bound to a synced doc (reflection notes, the name on certificates): it
// shows the stored copy and follows it, keeps what the learner types while they type, saves it after a
// short pause (and at once when the field goes away) against the version the learner saw, and says "Saved"
// only once the save is stored. The rules are the pure `fieldReducer` (src/lib/synced-field.ts).
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  type FieldEvent,
  type FieldState,
  fieldReducer,
  initialField,
  type StoredText,
} from './synced-field';

export type FieldStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

type Options = {
  /** The stored copy; undefined while it is read. */
  stored: StoredText | undefined;
  /** Stores `text` typed over `base`; resolves with what was stored, or null when the write failed. */
  save: (text: string, base: StoredText | null) => Promise<StoredText | null>;
  /** Pause after the last keystroke before saving; 0 saves every keystroke. */
  delayMs?: number;
  normalize?: (text: string) => string;
};

export function useSyncedField({ stored, save, delayMs = 500, normalize }: Options) {
  const [state, dispatch] = useReducer(
    (current: FieldState, event: FieldEvent) => fieldReducer(current, event, normalize),
    initialField,
  );
  const [status, setStatus] = useState<FieldStatus>('idle');
  // The latest state for saves started from timers and the unmount cleanup.
  const latest = useRef(state);
  latest.current = state;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const storedText = stored?.text;
  const storedRev = stored?.rev;
  useEffect(() => {
    if (storedText !== undefined && storedRev !== undefined)
      dispatch({ type: 'stored', stored: { text: storedText, rev: storedRev } });
  }, [storedText, storedRev]);

  /** Saves what is typed, one save at a time so each builds on what the one before stored. */
  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (saving.current) await saving.current;
    const { text, typing, seen } = latest.current;
    if (!typing) return;
    setStatus('saving');
    const run = (async () => {
      const result = await saveRef.current(text, seen);
      if (result) {
        // Updated by hand too: the next save (e.g. at unmount) may run before React renders.
        latest.current = fieldReducer(latest.current, { type: 'saved', text, stored: result }, normalize);
        dispatch({ type: 'saved', text, stored: result });
      }
      if (latest.current.text === text) setStatus(result ? 'saved' : 'failed');
    })();
    saving.current = run;
    try {
      await run;
    } finally {
      saving.current = null;
    }
  }, [normalize]);

  const change = (text: string) => {
    latest.current = fieldReducer(latest.current, { type: 'typed', text }, normalize);
    dispatch({ type: 'typed', text });
    setStatus('unsaved');
    clearTimeout(timer.current);
    if (delayMs === 0) void flush();
    else timer.current = setTimeout(() => void flush(), delayMs);
  };

  // Leaving the screen must not drop the last few keystrokes.
  useEffect(() => () => void flush(), [flush]);

  /** Stores a version the learner chose in place of what is typed (a conflict resolved). */
  const replace = async (write: () => Promise<StoredText | null>): Promise<void> => {
    clearTimeout(timer.current);
    while (saving.current) await saving.current;
    setStatus('saving');
    const result = await write();
    if (result) {
      latest.current = fieldReducer(latest.current, { type: 'replaced', stored: result }, normalize);
      dispatch({ type: 'replaced', stored: result });
    }
    setStatus(result ? 'saved' : 'failed');
  };

  return {
    text: state.text,
    /** The stored version the learner last saw. */
    seen: state.seen,
    loaded: state.seen !== null,
    status,
    change,
    replace,
    retry: () => void flush(),
    leave: () => dispatch({ type: 'left' }),
  };
}
