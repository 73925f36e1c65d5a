import { memo, useDeferredValue } from 'react';
import { Link } from 'react-router';
import { CourseUnavailableMessage } from '../../components/course-unavailable';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { PathwayProgress } from '../../components/pathway-progress';
import { ProgressSummary } from '../../components/progress-summary';
import { format } from '../../lib/text/format';
import { labels } from '../../lib/text/labels';
import { NeedsConnectionMark } from '../../pwa/lazy-needs-connection';
import { remainingMinutes } from '../../shared/progress/remaining-minutes';
import { KeepFresh } from './keep-fresh';
import { RoleChooser } from './role-chooser';
import { SlotPlanner } from './slot-planner';
import { useSavedSection } from './use-saved-section';
import { type TodayView, useToday } from './use-today';

export function TodayPage() {
  // Deferred, as in the lesson reader: Today renders again as each piece of data arrives, and a transition
  // lets React do that in slices that yield to the browser instead of one long task.
  const view = useDeferredValue(useToday());
  const savedSection = useSavedSection(
    view.state === 'ready' ? view.plan.continueWith?.lesson.id : undefined,
  );
  return <TodayContent view={view} savedSection={savedSection} />;
}

// Memoised, so the urgent half of a deferred update (which still holds the old view) costs nothing.
const TodayContent = memo(function TodayContent({
  view,
  savedSection,
}: {
  view: TodayView;
  savedSection: string | undefined;
}) {
  // The role question sits in the same place in every state, right under the heading, so it never moves
  // (and keeps a "Not now"). While loading it takes the place of the loading line, rather than pushing
  // that line down as it appears; what comes later appears below it.
  if (view.state === 'unavailable') {
    return (
      <>
        <PageHeading title="Today" />
        {view.askRole && <RoleChooser />}
        <CourseUnavailableMessage />
      </>
    );
  }
  if (view.state === 'loading') {
    return (
      <>
        <PageHeading title="Today" />
        {view.askRole ? <RoleChooser /> : <Loading what="your lessons" />}
      </>
    );
  }
  const { plan, settings, catalog, progress, due, keepFresh, team } = view;
  const pathway = settings.role ? catalog.pathways.find((p) => p.role === settings.role) : undefined;
  const continueWith = plan.continueWith;
  const sections = continueWith?.lesson.sections.length ?? 0;
  const reached = (continueWith?.progress.furthestSection ?? -1) + 1;

  return (
    <>
      <PageHeading title="Today" />
      {!settings.role && <RoleChooser />}
      <SlotPlanner
        catalog={catalog}
        progress={progress}
        role={settings.role}
        refreshersDue={due}
        inProgress={continueWith?.lesson.id}
        assigned={team?.soon}
      />
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
              {reached > 0 ? `part ${Math.min(reached, sections)} of ${sections} reached` : 'just started'} ·
              about {format.minutes(remainingMinutes(continueWith.lesson, continueWith.progress))} left
            </p>
            <NeedsConnectionMark moduleId={continueWith.module.id} />
            <p>
              <Link
                className="button button--link"
                to={`/modules/${continueWith.module.id}/${continueWith.lesson.id}`}
              >
                Continue reading{savedTitle(continueWith.lesson.sections, savedSection)}
              </Link>
            </p>
          </>
        ) : (
          <p>Nothing in progress. Pick a lesson from Up next below, or browse the modules.</p>
        )}
      </section>

      {team?.card}

      {keepFresh && <KeepFresh due={due.length} />}

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
                <NeedsConnectionMark moduleId={module.id} />
              </li>
            ))}
          </ol>
        ) : (
          <p>You have completed every lesson. Well done.</p>
        )}
      </section>

      <PathwayProgress catalog={catalog} progress={progress} role={settings.role} />

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
        {due.length > 0 && !keepFresh && (
          <p>
            <Link to="/refresh">
              {due.length === 1 ? '1 refresher is' : `${due.length} refreshers are`} ready
            </Link>
          </p>
        )}
      </section>
    </>
  );
});

/** " from “Section title”" when the saved position is past the lesson's first section. */
function savedTitle(
  sections: readonly { id: string; title: string }[],
  sectionId: string | undefined,
): string {
  const index = sections.findIndex((s) => s.id === sectionId);
  return index > 0 ? ` from “${sections[index]?.title}”` : '';
}
