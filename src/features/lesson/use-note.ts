// A private reflection note, kept as the doc `note:<lessonId>:<blockId>`. Typing is saved after a short
// pause (and at once when the learner leaves); if a save fails the text stays in the box to retry. When the
// note was also changed on another device, sync keeps that version beside this one until the learner picks.
import { useCallback, useEffect, useRef, useState } from 'react';
import { docsRepo } from '../../db/docs-repo';
import { useLiveQuery } from '../../lib/use-live-query';
import { writeErrors } from '../../lib/write-errors';

export type NoteStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

const SAVE_DELAY_MS = 500;

export function useNote(lessonId: string, blockId: string) {
  const id = `note:${lessonId}:${blockId}`;
  const doc = useLiveQuery(async () => (await docsRepo.get(id)) ?? null, [id]);
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<NoteStatus>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    setStatus('saving');
    const ok = await writeErrors.run(() => docsRepo.put(id, { text: value, lessonId, blockId }));
    // A newer edit made while this one was saving decides the status itself.
    if (pending.current === null) setStatus(ok ? 'saved' : 'failed');
  }, [id, lessonId, blockId]);

  const change = (value: string) => {
    setText(value);
    pending.current = value;
    setStatus('unsaved');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  };

  // Leaving the lesson must not drop the last few keystrokes.
  useEffect(() => () => void save(), [save]);

  const storedText = typeof doc?.body.text === 'string' ? doc.body.text : '';
  const otherText =
    doc?.conflict && typeof doc.conflict.body.text === 'string' ? doc.conflict.body.text : null;

  /** Keeps the chosen text as a new edit on the server's revision; the other version is dropped. */
  const resolve = async (chosen: string) => {
    clearTimeout(timer.current);
    pending.current = null;
    setText(chosen);
    setStatus('saving');
    const ok = await writeErrors.run(() =>
      docsRepo.resolveConflict(id, { ...doc?.body, text: chosen, lessonId, blockId }),
    );
    setStatus(ok ? 'saved' : 'failed');
  };

  return {
    /** The version saved on another device, when it differs from this one and the learner has not chosen. */
    conflict: otherText === null ? null : { mine: text ?? storedText, theirs: otherText },
    resolve,
    loaded: doc !== undefined,
    text: text ?? storedText,
    status,
    change,
    retry: () => {
      pending.current = text ?? storedText;
      void save();
    },
  };
}
