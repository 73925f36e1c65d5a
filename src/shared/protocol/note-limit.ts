import { docBytes, MAX_DOC_BYTES } from './sync-protocol';

/** From this share of the server's limit on, the note shows how much room is left. */
const NEAR = 0.8;

export type NoteLimit =
  | { state: 'ok' }
  | { state: 'near'; charactersLeft: number }
  | { state: 'over'; charactersOver: number };

/**
 * Where a note stands against the sync server's size limit for one document (MAX_DOC_BYTES over the
 * JSON of the note's body, measured by docBytes as src/sync/outbox.ts and the server measure it). Bytes become characters at
 * the note's own average, so a note in a script with longer characters is not promised room it lacks.
 */
export function noteLimit(text: string, lessonId: string, blockId: string): NoteLimit {
  const bytes = docBytes({ text, lessonId, blockId });
  if (bytes < MAX_DOC_BYTES * NEAR) return { state: 'ok' };
  const textBytes = bytes - JSON.stringify({ text: '', lessonId, blockId }).length;
  const perCharacter = text.length > 0 ? Math.max(1, textBytes / text.length) : 1;
  if (bytes <= MAX_DOC_BYTES) {
    return { state: 'near', charactersLeft: Math.floor((MAX_DOC_BYTES - bytes) / perCharacter) };
  }
  return { state: 'over', charactersOver: Math.ceil((bytes - MAX_DOC_BYTES) / perCharacter) };
}
