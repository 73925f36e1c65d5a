import { Link } from 'react-router';
import type { Catalog } from '../shared/content/content-types';
import type { Role } from '../shared/device/settings';
import type { Progress } from '../shared/progress/progress';
import { ProgressSummary } from './progress-summary';

type Props = { catalog: Catalog; progress: Progress; role: Role | undefined };

/**
 * The learner's pathway as its recommended order of modules, each with lessons done, and the pathway as
 * a whole. Nothing when no role is chosen or the role has no pathway in the course.
 */
export function PathwayProgress({ catalog, progress, role }: Props) {
  const pathway = role ? catalog.pathways.find((p) => p.role === role) : undefined;
  if (!pathway) return null;
  const modules = pathway.modules
    .map((id) => catalog.modules.find((m) => m.id === id))
    .filter((m) => m !== undefined)
    .map((module) => ({
      module,
      done: module.lessons.filter((l) => progress.get(l.id)?.completed).length,
      total: module.lessons.length,
    }));
  const done = modules.reduce((sum, m) => sum + m.done, 0);
  const total = modules.reduce((sum, m) => sum + m.total, 0);

  return (
    <section aria-labelledby="pathway-heading" className="card">
      <h2 id="pathway-heading">Your pathway: {pathway.title}</h2>
      <ProgressSummary label="Pathway" done={done} total={total} />
      <ol className="plan-list" aria-label={`Modules in the order recommended for ${pathway.title}`}>
        {modules.map(({ module, done: moduleDone, total: moduleTotal }) => (
          <li key={module.id}>
            <Link to={`/modules/${module.id}`}>{module.title}</Link>{' '}
            <span className="meta">
              {moduleDone === moduleTotal && <span aria-hidden="true">✓ </span>}
              {moduleDone} of {moduleTotal} lessons done
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
