import { useDeferredValue, useMemo } from 'react';
import { noteLimit } from '../shared/protocol/note-limit';

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Under a long note: how much room is left before it is too long to back up, and, past the limit, that it
 * is kept on this device only. Silent for a note of ordinary length. Not a live region: the count changes as
 * the learner types, and announcing each change would drown the note's own "Saved"; the field is described
 * by it instead, so a screen reader reads it with the field.
 */
export function NoteLength({
  id,
  text,
  lessonId,
  blockId,
}: {
  id: string;
  text: string;
  lessonId: string;
  blockId: string;
}) {
  // Measuring a very long note on every key press would slow typing: measure when the browser has time, and
  // only then (the urgent render on a key press keeps the last measure of the deferred text).
  const deferred = useDeferredValue(text);
  const limit = useMemo(() => noteLimit(deferred, lessonId, blockId), [deferred, lessonId, blockId]);
  return (
    <p id={id} className={limit.state === 'over' ? 'note-length note-length--over' : 'note-length meta'}>
      {limit.state === 'near' &&
        `This note is getting long: about ${count(limit.charactersLeft)} characters left before it is too long to back up.`}
      {limit.state === 'over' &&
        `Too long to back up: this note is saved on this device only. Shorten it by about ${count(limit.charactersOver)} characters and it will be backed up again.`}
    </p>
  );
}
