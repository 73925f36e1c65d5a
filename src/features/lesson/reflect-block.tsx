import { memo, useId } from 'react';
import { CompiledHtml } from '../../components/compiled-html';
import type { LessonBlock } from '../../shared/content-types';
import { NoteLength } from './note-length';
import { type NoteStatus, useNote } from './use-note';

type Props = { lessonId: string; block: Extract<LessonBlock, { type: 'reflect' }> };

const statusText: Record<NoteStatus, string> = {
  idle: '',
  unsaved: 'Not saved yet…',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
};

type Conflict = { mine: string; theirs: string };

/** Both versions of a note changed on two devices, and the three ways out: this one, the other, or both. */
function NoteConflict({ conflict, onKeep }: { conflict: Conflict; onKeep: (text: string) => void }) {
  const titleId = useId();
  const both = [conflict.mine.trim(), conflict.theirs.trim()].filter(Boolean).join('\n\n');
  return (
    <section className="note-conflict" aria-labelledby={titleId}>
      <p id={titleId} className="note-conflict__title">
        This note was also changed on another device
      </p>
      <p>Choose which version to keep. Until you do, both are kept.</p>
      <h3>On this device</h3>
      <blockquote className="note-conflict__text">{conflict.mine || '(empty)'}</blockquote>
      <h3>On your other device</h3>
      <blockquote className="note-conflict__text">{conflict.theirs || '(empty)'}</blockquote>
      <div className="button-row">
        <button type="button" className="button button--quiet" onClick={() => onKeep(conflict.mine)}>
          Keep this device’s version
        </button>
        <button type="button" className="button button--quiet" onClick={() => onKeep(conflict.theirs)}>
          Keep the other device’s version
        </button>
        <button type="button" className="button button--quiet" onClick={() => onKeep(both)}>
          Keep both
        </button>
      </div>
    </section>
  );
}

/** A reflection prompt whose answer is kept as a private note on this device (and in a synced backup). */
export const ReflectBlock = memo(function ReflectBlock({ lessonId, block }: Props) {
  const note = useNote(lessonId, block.id);
  const promptId = useId();
  const hintId = useId();
  const fieldId = useId();
  const labelId = useId();
  const lengthId = useId();

  return (
    <div className="reflect">
      <p id={labelId} className="reflect__label">
        Reflect
      </p>
      <CompiledHtml id={promptId} className="reflect__prompt" html={block.prompt} />
      <p id={hintId} className="meta">
        {/* Notes can be about real children (docs/privacy.md): the hint asks for plans, not names. */}
        Your answer is a private note, saved as you type. Write about what you will do, not names of children.
      </p>
      {note.conflict && <NoteConflict conflict={note.conflict} onKeep={(text) => void note.resolve(text)} />}
      <textarea
        id={fieldId}
        aria-labelledby={`${labelId} ${promptId}`}
        aria-describedby={`${hintId} ${lengthId}`}
        rows={5}
        value={note.text}
        disabled={!note.loaded}
        onChange={(e) => note.change(e.target.value)}
      />
      <NoteLength id={lengthId} text={note.text} lessonId={lessonId} blockId={block.id} />
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
});
