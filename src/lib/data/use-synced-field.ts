// One hook for every text field bound to a synced doc (reflection notes, the name on certificates): it
// shows the stored copy and follows it, keeps what the learner types while they type, saves it after a
// short pause (and at once when the field goes away) against the version the learner saw, and says "Saved"
// only once the save is stored. The rules are the pure `fieldReducer` (src/lib/data/synced-field.ts).
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
  // The field's state lives in a ref, so saves started from timers and the unmount cleanup read the latest
  // state at once, before React renders; `apply` is the one way it changes, and renders the field again.
  const state = useRef<FieldState>(initialField);
  const [, rendered] = useReducer((n: number) => n + 1, 0);
  const [status, setStatus] = useState<FieldStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const normalizeRef = useRef(normalize);
  normalizeRef.current = normalize;

  // The save the unmount starts finishes after the field is gone: it still stores, but renders nothing (by
  // then the page, or a test's document, may be torn down).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const show = useCallback((next: FieldStatus) => {
    if (mounted.current) setStatus(next);
  }, []);

  const apply = useCallback((event: FieldEvent) => {
    const next = fieldReducer(state.current, event, normalizeRef.current);
    if (next === state.current) return;
    state.current = next;
    if (mounted.current) rendered();
  }, []);

  const storedText = stored?.text;
  const storedRev = stored?.rev;
  useEffect(() => {
    if (storedText !== undefined && storedRev !== undefined)
      apply({ type: 'stored', stored: { text: storedText, rev: storedRev } });
  }, [storedText, storedRev, apply]);

  /**
   * Runs one write to the doc at a time, so each builds on what the one before stored: the pending save of
   * typing is cancelled (the write that runs now, or after, takes its place) and any write in flight is
   * waited for.
   */
  const serialize = useCallback(async (write: () => Promise<void>): Promise<void> => {
    clearTimeout(timer.current);
    while (saving.current) await saving.current;
    const run = write();
    saving.current = run;
    try {
      await run;
    } finally {
      if (saving.current === run) saving.current = null;
    }
  }, []);

  /** Saves what is typed. */
  const flush = useCallback(
    (): Promise<void> =>
      serialize(async () => {
        const { text, typing, seen } = state.current;
        if (!typing) return;
        show('saving');
        const result = await saveRef.current(text, seen);
        if (result) apply({ type: 'saved', text, stored: result });
        if (state.current.text === text) show(result ? 'saved' : 'failed');
      }),
    [serialize, apply, show],
  );

  const change = (text: string) => {
    apply({ type: 'typed', text });
    setStatus('unsaved');
    clearTimeout(timer.current);
    if (delayMs === 0) void flush();
    else timer.current = setTimeout(() => void flush(), delayMs);
  };

  // Leaving the screen must not drop the last few keystrokes.
  useEffect(() => () => void flush(), [flush]);

  /** Stores a version the learner chose in place of what is typed (a conflict resolved). */
  const replace = (write: () => Promise<StoredText | null>): Promise<void> =>
    serialize(async () => {
      show('saving');
      const result = await write();
      if (result) apply({ type: 'replaced', stored: result });
      show(result ? 'saved' : 'failed');
    });

  return {
    text: state.current.text,
    loaded: state.current.seen !== null,
    status,
    change,
    replace,
    retry: () => void flush(),
    leave: () => apply({ type: 'left' }),
  };
}
