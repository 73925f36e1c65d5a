import { useDeferredValue } from 'react';
import { useParams } from 'react-router';
import { CourseUnavailable } from '../../components/course-unavailable';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageHeading } from '../../components/page-heading';
import { PrerenderedOr } from '../../components/prerendered-or';
import { LessonContent } from './lesson-content';
import { LessonNeedsConnection } from './lesson-needs-connection';
import { useLesson } from './use-lesson';

/** A fresh reader per lesson, so "Next lesson" starts at the top with its own state and timers. */
export function LessonPage() {
  const { moduleId = '', lessonId = '' } = useParams();
  return <LessonReader key={`${moduleId}/${lessonId}`} moduleId={moduleId} lessonId={lessonId} />;
}

function LessonReader({ moduleId, lessonId }: { moduleId: string; lessonId: string }) {
  // Deferred: the lesson arriving from the database renders in slices that yield to the browser (a
  // transition), so a slow phone stays responsive to taps while a long lesson is built.
  const view = useDeferredValue(useLesson(moduleId, lessonId));

  switch (view.state) {
    case 'unavailable':
      return <CourseUnavailable title="Lesson" />;
    case 'needs-connection':
      return <LessonNeedsConnection title={view.title} module={view.module} />;
    case 'module-not-found':
      return (
        <NotFound
          title="Lesson not found"
          message="There is no module at this address, so this lesson cannot be shown. It may have been renamed or removed."
        />
      );
    case 'lesson-not-found':
      return (
        <NotFound
          title="Lesson not found"
          message={`The module “${view.module.title}” has no lesson at this address. It may have been renamed or removed.`}
          back={{ to: `/modules/${view.module.id}`, label: `Back to ${view.module.title}` }}
        />
      );
    case 'loading':
      return (
        <PrerenderedOr>
          <PageHeading title="Lesson" />
          <Loading what="the lesson" />
        </PrerenderedOr>
      );
    case 'ready':
      return <LessonContent view={view} />;
  }
}
