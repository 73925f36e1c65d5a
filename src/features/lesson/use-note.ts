// A private reflection note, kept as the doc `note:<lessonId>:<blockId>`, through the one hook for text
// fields bound to a synced doc (src/lib/data/use-synced-field.ts): the field follows the stored note unless the
// learner is typing, typing is saved after a short pause against the version the learner saw, and a failed
// save leaves the text in the box to retry. When the note was also changed on another device, sync keeps
// that version beside this one until the learner picks.
import { useCallback, useMemo } from 'react';
import type { DocRow } from '../../db/db';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { type FieldStatus, useSyncedField } from '../../lib/data/use-synced-field';
import { writeErrors } from '../../lib/stores/write-errors';
import { useDocsRepo } from './docs-repo-context';

export type NoteStatus = FieldStatus;

const textOf = (body: Record<string, unknown> | undefined): string =>
  typeof body?.text === 'string' ? body.text : '';

/** The note as stored: its text and revision, or an empty note at revision 0 when there is no doc yet. */
const storedOf = (row: DocRow | null) => ({ text: textOf(row?.body), rev: row?.rev ?? 0 });

export function useNote(lessonId: string, blockId: string) {
  const repo = useDocsRepo();
  const id = `note:${lessonId}:${blockId}`;
  const doc = useLiveQuery(async () => (await repo.get(id)) ?? null, [repo, id]);

  const save = useCallback(
    async (text: string, base: { text: string; rev: number } | null) => {
      let row: DocRow | undefined;
      const ok = await writeErrors.run(async () => {
        row = await repo.putField(id, { text, lessonId, blockId }, 'text', base);
      });
      return ok && row ? storedOf(row) : null;
    },
    [repo, id, lessonId, blockId],
  );

  const stored = useMemo(() => (doc === undefined ? undefined : storedOf(doc)), [doc]);
  const field = useSyncedField({ stored, save });

  const conflict = doc?.conflict ? { rev: doc.conflict.rev, text: textOf(doc.conflict.body) } : null;

  /** Keeps the chosen text as a new edit on the revision shown; the other version is dropped. */
  const resolve = (chosen: string) =>
    field.replace(async () => {
      let row: DocRow | null = null;
      const ok = await writeErrors.run(async () => {
        row = await repo.resolveConflict(id, { text: chosen, lessonId, blockId }, new Date(), conflict?.rev);
      });
      return ok && row ? storedOf(row) : null;
    });

  return {
    /** The version saved on another device, when it differs from this one and the learner has not chosen. */
    // Until the field has taken in the stored note (one render after the read), this device's version is
    // the stored text, so the choice never flashes "(empty)" for a note that has words.
    conflict:
      conflict === null
        ? null
        : { mine: field.loaded ? field.text : (stored?.text ?? ''), theirs: conflict.text },
    resolve,
    loaded: field.loaded,
    text: field.text,
    status: field.status,
    change: field.change,
    retry: field.retry,
  };
}
