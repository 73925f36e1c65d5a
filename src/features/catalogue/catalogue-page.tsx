import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CourseUnavailable } from '../../components/course-unavailable';
import { LessonStatus } from '../../components/lesson-status';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { PathwayProgress } from '../../components/pathway-progress';
import { format } from '../../lib/text/format';
import { labels } from '../../lib/text/labels';
import { NeedsConnectionMark } from '../../pwa/lazy-needs-connection';
import { AREAS, type Area } from '../../shared/content/content-types';
import { filterModules } from '../../shared/content/filter-modules';
import { ROLES, type Role } from '../../shared/device/settings';
import { lessonState } from '../../shared/progress/lesson-state';
import { useCatalogue } from './use-catalogue';
import { useRole } from './use-role';

export function CataloguePage() {
  const view = useCatalogue();
  const myRole = useRole();
  const [params, setParams] = useSearchParams();
  const roleId = useId();
  const areaId = useId();
  const role = ROLES.find((r) => r === params.get('role'));
  const area = AREAS.find((a) => a === params.get('area'));

  const setFilter = (name: 'role' | 'area', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  if (view.state === 'unavailable') return <CourseUnavailable title="Modules" />;

  const modules = view.state === 'ready' ? filterModules(view.catalog.modules, { role, area }) : [];

  return (
    <>
      <PageHeading title="Modules" />
      {view.state === 'ready' && (
        <PathwayProgress catalog={view.catalog} progress={view.progress} role={myRole} />
      )}
      <fieldset className="filters">
        <legend className="visually-hidden">Filter modules</legend>
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={role ?? ''} onChange={(e) => setFilter('role', e.target.value)}>
            <option value="">Any role</option>
            {ROLES.map((r: Role) => (
              <option key={r} value={r}>
                {labels.audience[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={areaId}>Area of need</label>
          <select id={areaId} value={area ?? ''} onChange={(e) => setFilter('area', e.target.value)}>
            <option value="">Any area</option>
            {AREAS.map((a: Area) => (
              <option key={a} value={a}>
                {labels.area[a]}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      {view.state === 'loading' ? (
        <Loading what="the modules" />
      ) : (
        <>
          <p role="status" className="meta">
            Showing {modules.length} of {view.catalog.modules.length} modules
          </p>
          <ul className="module-list">
            {modules.map((module) => {
              const done = module.lessons.filter((l) => view.progress.get(l.id)?.completed).length;
              return (
                <li key={module.id} className="card">
                  <h2>
                    <Link to={`/modules/${module.id}`}>{module.title}</Link>
                  </h2>
                  <NeedsConnectionMark moduleId={module.id} />
                  <p>{module.summary}</p>
                  <p className="meta">
                    {done} of {module.lessons.length} lessons done · For{' '}
                    {module.audiences.map((a) => labels.audience[a].toLowerCase()).join(', ')}
                  </p>
                  <ul className="lesson-list lesson-list--compact" aria-label={`Lessons in ${module.title}`}>
                    {module.lessons.map((lesson) => (
                      <li key={lesson.id}>
                        <Link to={`/modules/${module.id}/${lesson.id}`}>{lesson.title}</Link>
                        <span className="meta">
                          {format.minutes(lesson.minutes)} ·{' '}
                          <LessonStatus state={lessonState(view.progress, lesson.id)} />
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
          {modules.length === 0 && <p>No module matches both filters. Try “Any role” or “Any area”.</p>}
        </>
      )}
    </>
  );
}
