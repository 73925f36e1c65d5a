import { Link, useParams } from 'react-router';
import { CourseUnavailable } from '../../components/course-unavailable';
import { LessonStatus } from '../../components/lesson-status';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageHeading } from '../../components/page-heading';
import { ProgressSummary } from '../../components/progress-summary';
import { format } from '../../lib/text/format';
import { labels } from '../../lib/text/labels';
import { lessonState } from '../../shared/progress/lesson-state';
import { ConfidencePanel } from './confidence-panel';
import { lessonUpdated } from './lesson-updated';
import { ModuleDownload } from './module-download';
import { useModule } from './use-module';

export function ModulePage() {
  const { moduleId = '' } = useParams();
  const view = useModule(moduleId);

  if (view.state === 'unavailable') return <CourseUnavailable title="Module" />;
  if (view.state === 'not-found') {
    return (
      <NotFound
        title="Module not found"
        message="There is no module at this address. It may have been renamed or removed from the course."
      />
    );
  }
  if (view.state === 'loading') {
    return (
      <>
        <PageHeading title="Module" />
        <Loading what="the module" />
      </>
    );
  }

  const { module, progress, changed, confidence, confidenceStage } = view;
  const done = module.lessons.filter((l) => progress.get(l.id)?.completed).length;
  const totalMinutes = module.lessons.reduce((sum, l) => sum + l.minutes, 0);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/modules">All modules</Link>
      </p>
      <PageHeading title={module.title} />
      <p className="lead">{module.summary}</p>
      <p className="meta">
        {module.lessons.length} lessons · {format.minutes(totalMinutes)} in all · Areas:{' '}
        {module.areas.map((a) => labels.area[a]).join(', ')}
      </p>
      <ProgressSummary label="This module" done={done} total={module.lessons.length} />
      <ModuleDownload module={module} />
      <ConfidencePanel module={module} confidence={confidence} stage={confidenceStage} />
      <h2 id="lessons-heading">Lessons</h2>
      <ol className="lesson-list" aria-labelledby="lessons-heading">
        {module.lessons.map((lesson) => (
          <li key={lesson.id}>
            <Link to={`/modules/${module.id}/${lesson.id}`}>{lesson.title}</Link>
            <span className="meta">
              {format.minutes(lesson.minutes)} · <LessonStatus state={lessonState(progress, lesson.id)} />
              {lessonUpdated(changed.get(lesson.id), progress.get(lesson.id)) && (
                <span className="tag tag--updated">Updated</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <h2 id="facilitate-heading">Run it with your staff</h2>
      <p>
        Present this module in a staff meeting or on an INSET day, with discussion, a group check and
        attendance that counts in everyone's record.{' '}
        <Link to={`/present/${module.id}?length=20`}>Run a session</Link>
      </p>
    </>
  );
}
