import { memo, type ReactNode, useId } from 'react';
import { CompiledHtml } from '../components/compiled-html';
import type { LessonBlock } from '../shared/content/content-types';
import { NoteLength } from './note-length';

export type ReflectStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

type Props = {
  lessonId: string;
  block: Extract<LessonBlock, { type: 'reflect' }>;
  text: string;
  /** False until the stored note has been read: the field cannot be typed in before. */
  loaded: boolean;
  status: ReflectStatus;
  onChange?: (text: string) => void;
  onRetry?: () => void;
  /** Shown above the field when the note was also changed on another device. */
  conflict?: ReactNode;
};

const statusText: Record<ReflectStatus, string> = {
  idle: '',
  unsaved: 'Not saved yet…',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
};

/** A reflection prompt and the field for the learner's private note; where the note is kept is the caller's. */
export const ReflectField = memo(function ReflectField({
  lessonId,
  block,
  text,
  loaded,
  status,
  onChange,
  onRetry,
  conflict,
}: Props) {
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
      {conflict}
      <textarea
        id={fieldId}
        aria-labelledby={`${labelId} ${promptId}`}
        aria-describedby={`${hintId} ${lengthId}`}
        rows={5}
        value={text}
        disabled={!loaded}
        onChange={(e) => onChange?.(e.target.value)}
      />
      <NoteLength id={lengthId} text={text} lessonId={lessonId} blockId={block.id} />
      <p className="reflect__status" role="status">
        {status === 'saved' && <span aria-hidden="true">✓ </span>}
        {statusText[status]}
        {status === 'failed' && (
          <>
            {' '}
            <button type="button" className="button button--quiet" onClick={onRetry}>
              Save again
            </button>
          </>
        )}
      </p>
    </div>
  );
});
