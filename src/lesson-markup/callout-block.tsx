import { memo, useId } from 'react';
import { CompiledHtml } from '../components/compiled-html';
import { CALLOUT_LABELS, type LessonBlock } from '../shared/content/content-types';

type Callout = Extract<LessonBlock, { type: 'callout' }>;

const kindIcon: Record<Callout['kind'], string> = { tip: '💡', key: '★', try: '✎' };

/** Tip, key point or "try this", named by its kind and title so it reads well out of context too. */
export const CalloutBlock = memo(function CalloutBlock({ block }: { block: Callout }) {
  const titleId = useId();
  const showKind = block.title !== CALLOUT_LABELS[block.kind];
  return (
    <aside className={`callout callout--${block.kind}`} aria-labelledby={titleId}>
      <p className="callout__title" id={titleId}>
        <span aria-hidden="true" className="callout__icon">
          {kindIcon[block.kind]}
        </span>{' '}
        {showKind && (
          <>
            <span className="callout__kind">{CALLOUT_LABELS[block.kind]}:</span>{' '}
          </>
        )}
        {block.title}
      </p>
      <CompiledHtml html={block.html} />
    </aside>
  );
});
