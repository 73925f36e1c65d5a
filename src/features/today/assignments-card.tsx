import { Link } from 'react-router';
import { format } from '../../lib/text/format';
import type { Catalog } from '../../shared/content/content-types';
import type { TodayAssignment } from '../../shared/planning/team-assignments';
import { STATUS_TEXT } from '../../shared/protocol/team-figures';

/**
 * Today's "From your team": what a member's team asked them to complete and by when, with where each one
 * stands on this device. It reads what pull stored, so it shows offline too.
 */
export function AssignmentsCard({ items, catalog }: { items: TodayAssignment[]; catalog: Catalog }) {
  const moduleTitle = (id: string) => catalog.modules.find((m) => m.id === id)?.title ?? id;
  return (
    <section aria-labelledby="assigned-heading" className="card">
      <h2 id="assigned-heading">From your team</h2>
      <ul className="lesson-list">
        {items.map(({ teamName, assignment, status, modulesDone, nextModuleId }) => (
          <li key={`${teamName}-${assignment.id}`}>
            <strong>{assignment.title}</strong>
            <span className="meta">
              {teamName} · {STATUS_TEXT[status]}
              {assignment.dueOn ? ` · due ${format.date(assignment.dueOn)}` : ' · no due date'}
              {assignment.moduleIds.length > 1 &&
                ` · ${modulesDone} of ${assignment.moduleIds.length} modules done`}
            </span>
            {nextModuleId && (
              <Link to={`/modules/${nextModuleId}`}>
                {status === 'not-started' ? 'Start' : 'Continue'}: {moduleTitle(nextModuleId)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
