import { Link, useParams } from 'react-router';
import { CompiledHtml } from '../../components/compiled-html';
import { CourseUnavailable } from '../../components/course-unavailable';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageHeading } from '../../components/page-heading';
import { format } from '../../lib/text/format';
import { CALLOUT_LABELS, type Source } from '../../shared/content/content-types';
import { handoutContent } from './handout-content';
import { LessonNeedsConnection } from './lesson-needs-connection';
import { useLesson } from './use-lesson';
import './handout.css';

/**
 * A one-page A4 handout for a lesson, made on the device from the compiled lesson (so it works offline
 * once the module is downloaded). "Print handout" opens the browser's print dialog; the print stylesheet
 * keeps it to one page.
 */
export function HandoutPage() {
  const { moduleId = '', lessonId = '' } = useParams();
  const view = useLesson(moduleId, lessonId);

  switch (view.state) {
    case 'unavailable':
      return <CourseUnavailable title="Handout" />;
    case 'needs-connection':
      return <LessonNeedsConnection title={view.title} module={view.module} />;
    case 'module-not-found':
    case 'lesson-not-found':
      return (
        <NotFound
          title="Handout not found"
          message="There is no lesson at this address, so there is no handout for it. It may have been renamed or removed."
          back={{ to: '/modules', label: 'Back to the modules' }}
        />
      );
    case 'loading':
      return (
        <>
          <PageHeading title="Handout" />
          <Loading what="the handout" />
        </>
      );
    case 'ready':
      break;
  }

  const { module, lesson } = view;
  const handout = handoutContent(lesson);
  const lessonPath = `/modules/${module.id}/${lesson.id}`;
  return (
    <>
      <div className="no-print">
        <p className="breadcrumb">
          <Link to={lessonPath}>Back to the lesson</Link>
        </p>
        <p>
          <button type="button" className="button" onClick={() => window.print()}>
            Print handout
          </button>
        </p>
      </div>
      <article className="handout">
        <p className="handout__kicker">
          {module.title} · {format.minutes(handout.minutes)}
        </p>
        <PageHeading title={`Handout: ${handout.title}`}>{handout.title}</PageHeading>
        <section aria-labelledby="handout-key">
          <h2 id="handout-key">Key points</h2>
          <ul>
            {handout.keyPoints.map((point) => (
              <li key={point.title + point.html}>
                {point.title !== CALLOUT_LABELS.key && <strong>{point.title}. </strong>}
                <CompiledHtml html={point.html} />
              </li>
            ))}
            {handout.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
        {handout.tries.length > 0 && (
          <section aria-labelledby="handout-try">
            <h2 id="handout-try">Try this</h2>
            {handout.tries.map((item) => (
              <div key={item.title + item.html} className="handout__try">
                {item.title !== CALLOUT_LABELS.try && <p className="handout__item-title">{item.title}</p>}
                <CompiledHtml html={item.html} />
              </div>
            ))}
          </section>
        )}
        {handout.prompts.length > 0 && (
          <section aria-labelledby="handout-reflect">
            <h2 id="handout-reflect">To think about or discuss</h2>
            <ol>
              {handout.prompts.map((prompt) => (
                <li key={prompt}>
                  <CompiledHtml html={prompt} />
                </li>
              ))}
            </ol>
          </section>
        )}
        {handout.sources.length > 0 && (
          <section aria-labelledby="handout-sources" className="handout__sources">
            <h2 id="handout-sources">Sources</h2>
            <ul>
              {handout.sources.map((source) => (
                <li key={`${source.document}-${source.year}`}>{sourceText(source)}</li>
              ))}
            </ul>
          </section>
        )}
        <p className="handout__footer">Pocket CPD · {lessonPath}</p>
      </article>
    </>
  );
}

/** On paper a link cannot be followed, so the address is written out. */
function sourceText(source: Source): string {
  return `${source.document}. ${source.publisher}, ${source.year}.${source.url ? ` ${source.url}` : ''}`;
}
