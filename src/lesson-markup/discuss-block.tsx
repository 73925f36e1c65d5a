import { memo, useId } from 'react';
import { CompiledHtml } from '../components/compiled-html';
import { DISCUSS_LABEL, type LessonBlock } from '../shared/content/content-types';

type Discuss = Extract<LessonBlock, { type: 'discuss' }>;

/** A session's discussion prompt as a learner studying alone meets it: something to think or talk over. */
export const DiscussBlock = memo(function DiscussBlock({ block }: { block: Discuss }) {
  const titleId = useId();
  return (
    <aside className="callout callout--discuss" aria-labelledby={titleId}>
      <p className="callout__title" id={titleId}>
        <span aria-hidden="true" className="callout__icon">
          💬
        </span>{' '}
        {DISCUSS_LABEL}
      </p>
      <CompiledHtml html={block.html} />
    </aside>
  );
});
