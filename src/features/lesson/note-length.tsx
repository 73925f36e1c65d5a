import { useDeferredValue } from 'react';
import { noteLimit } from '../../shared/note-limit';

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Under a long note: how much room is left before it is too long to back up, and, past the limit, that it
 * is kept on this device only. Silent for a note of ordinary length.
 */
export function NoteLength({ text, lessonId, blockId }: { text: string; lessonId: string; blockId: string }) {
  // Measuring a very long note on every key press would slow typing: measure when the browser has time.
  const limit = noteLimit(useDeferredValue(text), lessonId, blockId);
  return (
    <p
      className={limit.state === 'over' ? 'note-length note-length--over' : 'note-length meta'}
      role="status"
    >
      {limit.state === 'near' &&
        `This note is getting long: about ${count(limit.charactersLeft)} characters left before it is too long to back up.`}
      {limit.state === 'over' &&
        `Too long to back up: this note is saved on this device only. Shorten it by about ${count(limit.charactersOver)} characters and it will be backed up again.`}
    </p>
  );
}
