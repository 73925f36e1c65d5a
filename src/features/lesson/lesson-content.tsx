import { memo, use, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { CheckBlock } from '../../lesson-markup/check-block';
import { LessonArticle, MarkComplete } from '../../lesson-markup/lesson-article';
import { format } from '../../lib/text/format';
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

  const nextTo = next ? `/modules/${next.ref.moduleId}/${next.ref.lessonId}` : `/modules/${module.id}`;
  const nextLabel = next ? `Next lesson: ${next.title}` : `Back to ${module.title}`;

  return (
    <LessonArticle
      module={module}
      lesson={lesson}
      Link={Link}
      articleRef={article}
      heading={<PageHeading title={lesson.title} />}
      status={
        progress?.completed &&
        progress.completedAt && (
          <>
            {' · '}
            <span className="status status--done">
              <span aria-hidden="true">✓</span> Completed {format.date(progress.completedAt)}
            </span>
          </>
        )
      }
      notice={
        resumed && (
          <ResumeNotice resumed={resumed} sections={lesson.sections.length} onStartOver={startOver} />
        )
      }
      tools={tools}
      check={(block) => (
        <CheckBlock
          key={block.id}
          block={block}
          progress={progress?.checks[block.id]}
          usable={progressRead}
          onAnswer={actions.checkAnswered}
        />
      )}
      reflect={(block) => <ReflectBlock key={block.id} lessonId={lesson.id} block={block} />}
      finish={
        progress?.completed ? (
          <>
            <p role="status">
              <span aria-hidden="true">✓</span> You completed this lesson
              {progress.completedAt ? ` on ${format.date(progress.completedAt)}` : ''}.
            </p>
            <p>
              <Link ref={nextLink} to={nextTo} className="button button--link">
                {nextLabel}
              </Link>
            </p>
          </>
        ) : (
          <MarkComplete usable={progressRead} onPress={() => void complete()} />
        )
      }
      footer={
        resumed && <ResumePlace resumed={resumed} sections={lesson.sections.length} onStartOver={startOver} />
      }
    />
  );
});
