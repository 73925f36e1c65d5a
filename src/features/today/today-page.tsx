import { Link } from 'react-router';
import { CourseUnavailable } from '../../components/course-unavailable';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProgressSummary } from '../../components/progress-summary';
import { format } from '../../lib/format';
import { labels } from '../../lib/labels';
import { useToday } from './use-today';

export function TodayPage() {
  const view = useToday();
  if (view.state === 'unavailable') return <CourseUnavailable title="Today" />;
  if (view.state === 'loading') {
    return (
      <>
        <PageHeading title="Today" />
        <Loading what="your lessons" />
      </>
    );
  }
  const { plan, settings, catalog } = view;
  const pathway = settings.role ? catalog.pathways.find((p) => p.role === settings.role) : undefined;
  const continueWith = plan.continueWith;
  const sections = continueWith?.lesson.sections.length ?? 0;
  const reached = (continueWith?.progress.furthestSection ?? -1) + 1;

  return (
    <>
      <PageHeading title="Today" />
      <section aria-labelledby="continue-heading" className="card">
        <h2 id="continue-heading">Continue where you left off</h2>
        {continueWith ? (
          <>
            <p className="card__title">
              <Link to={`/modules/${continueWith.module.id}/${continueWith.lesson.id}`}>
                {continueWith.lesson.title}
              </Link>
            </p>
            <p className="meta">
              {continueWith.module.title} · {format.minutes(continueWith.lesson.minutes)} ·{' '}
              {reached > 0 ? `part ${Math.min(reached, sections)} of ${sections} reached` : 'just started'}
            </p>
          </>
        ) : (
          <p>Nothing in progress. Pick a lesson from Up next below, or browse the modules.</p>
        )}
      </section>

      <section aria-labelledby="up-next-heading">
        <h2 id="up-next-heading">Up next</h2>
        <p className="meta">
          {pathway ? (
            <>From your pathway: {pathway.title}.</>
          ) : settings.role ? (
            <>In course order for {labels.audience[settings.role].toLowerCase()}s.</>
          ) : (
            <>
              In course order. <Link to="/settings">Choose your role</Link> to follow its pathway.
            </>
          )}
        </p>
        {plan.upNext.length > 0 ? (
          <ol className="lesson-list">
            {plan.upNext.map(({ module, lesson }) => (
              <li key={lesson.id}>
                <Link to={`/modules/${module.id}/${lesson.id}`}>{lesson.title}</Link>
                <span className="meta">
                  {module.title} · {format.minutes(lesson.minutes)}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p>You have completed every lesson. Well done.</p>
        )}
      </section>

      <section aria-labelledby="overall-heading">
        <h2 id="overall-heading">Your progress</h2>
        <ProgressSummary label="Whole course" done={plan.done} total={plan.total} />
        {plan.lastCompleted?.progress.completedAt && (
          <p>
            Last completed:{' '}
            <Link to={`/modules/${plan.lastCompleted.module.id}/${plan.lastCompleted.lesson.id}`}>
              {plan.lastCompleted.lesson.title}
            </Link>{' '}
            on {format.date(plan.lastCompleted.progress.completedAt)}.
          </p>
        )}
        <p>
          <Link to="/record">See your CPD record</Link>
        </p>
      </section>
    </>
  );
}
