import { Fragment, memo, use, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { CompiledHtml } from '../../components/compiled-html';
import { PageHeading } from '../../components/page-heading';
import { format } from '../../lib/format';
import type { LessonBlock } from '../../shared/content-types';
import { CalloutBlock } from './callout-block';
import { CheckBlock } from './check-block';
import { lessonActions } from './lesson-actions';
import { LessonTools } from './lesson-tools';
import type { LessonView } from './lesson-view';
import { ReflectBlock } from './reflect-block';
import { ResumeNotice, ResumePlace } from './resume-notice';
import { useReadingPosition } from './use-reading-position';
import { useSectionTracking } from './use-section-tracking';
import { useTimeSpent } from './use-time-spent';

type Props = { view: Extract<LessonView, { state: 'ready' }> };

// Memoised: the page above renders again as data arrives, and a long lesson is only worth rendering again
// when its view has changed (useLesson keeps the view the same object until then).
export const LessonContent = memo(function LessonContent({ view }: Props) {
  const { module, lesson, progress, progressRead, next } = view;
  const actions = useMemo(() => lessonActions(lesson.id), [lesson.id]);
  const article = useRef<HTMLElement>(null);
  const nextLink = useRef<HTMLAnchorElement>(null);
  const [justCompleted, setJustCompleted] = useState(false);

  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    void actions.opened();
  }, [actions]);

  useTimeSpent((intervalId, ms) => void actions.timeSpent(intervalId, ms));
  const tools = use(LessonTools);
  // Both wait until the learner's events are read (a page shown from its seed renders before that): a
  // completed lesson must not jump to a saved place, nor sections already reached be recorded again.
  const { resumed, startOver } = useReadingPosition(
    article,
    lesson.id,
    lesson.sections,
    progressRead ? !progress?.completed : undefined,
  );
  const furthest = progressRead ? (progress?.furthestSection ?? -1) : undefined;
  useSectionTracking(article, lesson.sections, furthest, (sectionId, index) => {
    void actions.sectionReached(sectionId, index);
  });

  // After "Mark complete" the button goes away; keyboard users land on where to go next.
  useEffect(() => {
    if (justCompleted && progress?.completed) nextLink.current?.focus();
  }, [justCompleted, progress?.completed]);

  const complete = async () => {
    if (await actions.completed()) setJustCompleted(true);
  };

  const renderBlock = (block: LessonBlock) => {
    switch (block.type) {
      case 'html':
        return <CompiledHtml key={block.id} className="prose" html={block.html} />;
      case 'callout':
        return <CalloutBlock key={block.id} block={block} />;
      case 'check':
        return (
          <CheckBlock
            key={block.id}
            block={block}
            progress={progress?.checks[block.id]}
            usable={progressRead}
            onAnswer={actions.checkAnswered}
          />
        );
      case 'reflect':
        return <ReflectBlock key={block.id} lessonId={lesson.id} block={block} />;
      default:
        // Discussion prompts and facilitator notes belong to a facilitated session, not to self-study.
        return null;
    }
  };

  const nextTo = next ? `/modules/${next.ref.moduleId}/${next.ref.lessonId}` : `/modules/${module.id}`;
  const nextLabel = next ? `Next lesson: ${next.title}` : `Back to ${module.title}`;

  return (
    <article ref={article} className="lesson">
      <p className="breadcrumb">
        <Link to={`/modules/${module.id}`}>{module.title}</Link>
      </p>
      <PageHeading title={lesson.title} />
      <p className="meta">
        {format.minutes(lesson.minutes)}
        {progress?.completed && progress.completedAt && (
          <>
            {' · '}
            <span className="status status--done">
              <span aria-hidden="true">✓</span> Completed {format.date(progress.completedAt)}
            </span>
          </>
        )}
      </p>
      {resumed && (
        <ResumeNotice resumed={resumed} sections={lesson.sections.length} onStartOver={startOver} />
      )}
      {tools}

      {lesson.objectives.length > 0 && (
        <section aria-labelledby="objectives-heading" className="objectives">
          <h2 id="objectives-heading">In this lesson you will learn to</h2>
          <ul>
            {lesson.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      )}

      {lesson.blocks.map((block, index) => (
        <Fragment key={'id' in block ? block.id : `${block.type}-${index}`}>{renderBlock(block)}</Fragment>
      ))}

      <section aria-labelledby="finish-heading" className="lesson-end">
        <h2 id="finish-heading">Finish</h2>
        {progress?.completed ? (
          <p role="status">
            <span aria-hidden="true">✓</span> You completed this lesson
            {progress.completedAt ? ` on ${format.date(progress.completedAt)}` : ''}.
          </p>
        ) : (
          // Usable once the learner's events are read, as the checks are: until then (a page the build
          // rendered, before the app has taken it over) a tap would be lost without a word.
          <button type="button" className="button" disabled={!progressRead} onClick={() => void complete()}>
            Mark complete
          </button>
        )}
        {progress?.completed && (
          <p>
            <Link ref={nextLink} to={nextTo} className="button button--link">
              {nextLabel}
            </Link>
          </p>
        )}
      </section>

      {resumed && <ResumePlace resumed={resumed} sections={lesson.sections.length} onStartOver={startOver} />}

      {lesson.sources.length > 0 && (
        <section aria-labelledby="sources-heading" className="sources">
          <h2 id="sources-heading">Sources</h2>
          <ul>
            {lesson.sources.map((source) => (
              <li key={`${source.document}-${source.year}`}>
                {source.url ? <a href={source.url}>{source.document}</a> : source.document}.{' '}
                {source.publisher}, {source.year}.
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
});
