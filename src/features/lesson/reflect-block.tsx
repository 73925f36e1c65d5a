import { useId } from 'react';
import { CompiledHtml } from '../../components/compiled-html';
import type { LessonBlock } from '../../shared/content-types';
import { type NoteStatus, useNote } from './use-note';

type Props = { lessonId: string; block: Extract<LessonBlock, { type: 'reflect' }> };

const statusText: Record<NoteStatus, string> = {
  idle: '',
  unsaved: 'Not saved yet…',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
};

/** A reflection prompt whose answer is kept as a private note on this device (and in a synced backup). */
export function ReflectBlock({ lessonId, block }: Props) {
  const note = useNote(lessonId, block.id);
  const promptId = useId();
  const hintId = useId();
  const fieldId = useId();
  const labelId = useId();

  return (
    <div className="reflect">
      <p id={labelId} className="reflect__label">
        Reflect
      </p>
      <CompiledHtml id={promptId} className="reflect__prompt" html={block.prompt} />
      <p id={hintId} className="meta">
        Your answer is a private note, saved as you type.
      </p>
      <textarea
        id={fieldId}
        aria-labelledby={`${labelId} ${promptId}`}
        aria-describedby={hintId}
        rows={5}
        value={note.text}
        disabled={!note.loaded}
        onChange={(e) => note.change(e.target.value)}
      />
      <p className="reflect__status" role="status">
        {note.status === 'saved' && <span aria-hidden="true">✓ </span>}
        {statusText[note.status]}
        {note.status === 'failed' && (
          <>
            {' '}
            <button type="button" className="button button--quiet" onClick={note.retry}>
              Save again
            </button>
          </>
        )}
      </p>
    </div>
  );
}
