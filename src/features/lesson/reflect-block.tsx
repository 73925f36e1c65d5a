import { memo, useId } from 'react';
import { ReflectField } from '../../lesson-markup/reflect-field';
import type { LessonBlock } from '../../shared/content/content-types';
import { useNote } from './use-note';

type Props = { lessonId: string; block: Extract<LessonBlock, { type: 'reflect' }> };

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
  return (
    <ReflectField
      lessonId={lessonId}
      block={block}
      text={note.text}
      loaded={note.loaded}
      status={note.status}
      onChange={note.change}
      onRetry={note.retry}
      conflict={
        note.conflict && <NoteConflict conflict={note.conflict} onKeep={(text) => void note.resolve(text)} />
      }
    />
  );
});
