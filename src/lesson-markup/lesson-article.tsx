import { type ComponentType, Fragment, type ReactNode, type Ref } from 'react';
import { CompiledHtml } from '../components/compiled-html';
import { format } from '../lib/text/format';
import type { Lesson, LessonBlock } from '../shared/content/content-types';
import { CalloutBlock } from './callout-block';
import { DiscussBlock } from './discuss-block';

type CheckData = Extract<LessonBlock, { type: 'check' }>;
type ReflectData = Extract<LessonBlock, { type: 'reflect' }>;

/** A link inside the lesson: the router's `Link` in the app, a plain anchor where there is no router. */
export type LessonLink = ComponentType<{ to: string; children: ReactNode }>;

type Props = {
  module: { id: string; title: string };
  lesson: Lesson;
  Link: LessonLink;
  articleRef?: Ref<HTMLElement>;
  /** The page's `h1`: the app's `PageHeading`, or `StaticHeading` where no script runs. */
  heading: ReactNode;
  /** After the minutes, in the same line: the learner's "Completed" mark. */
  status?: ReactNode;
  /** Between the meta line and the tools: where the lesson reopened. */
  notice?: ReactNode;
  /** Under the title: read aloud. */
  tools: ReactNode;
  check: (block: CheckData) => ReactNode;
  reflect: (block: ReflectData) => ReactNode;
  /** The "Finish" section's content: "Mark complete", or the learner's completion and what comes next. */
  finish: ReactNode;
  /** After the handout link: the line that stays at the foot of a reopened lesson. */
  footer?: ReactNode;
};

/**
 * A lesson's page content, the one markup of it: the app renders it live (src/features/lesson/), the build
 * renders it through the app for a lesson's own page, and the service worker renders it for a downloaded
 * lesson opened offline (src/lesson-markup/lesson-article-html.tsx). What the learner has done comes in
 * through the slots, so a page rendered before their progress is read is this same tree with its slots in
 * their first state, and nothing moves when the app takes it over.
 */
export function LessonArticle({
  module,
  lesson,
  Link,
  articleRef,
  heading,
  status,
  notice,
  tools,
  check,
  reflect,
  finish,
  footer,
}: Props) {
  const block = (b: LessonBlock) => {
    switch (b.type) {
      case 'html':
        return <CompiledHtml key={b.id} className="prose" html={b.html} />;
      case 'callout':
        return <CalloutBlock key={b.id} block={b} />;
      case 'check':
        return check(b);
      case 'reflect':
        return reflect(b);
      case 'discuss':
        return <DiscussBlock block={b} />;
      // Notes for whoever runs a session with staff: never part of a learner's lesson.
      case 'facilitator':
        return null;
    }
  };

  return (
    <article ref={articleRef} className="lesson">
      <p className="breadcrumb">
        <Link to={`/modules/${module.id}`}>{module.title}</Link>
      </p>
      {heading}
      <p className="meta">
        {format.minutes(lesson.minutes)}
        {status}
      </p>
      {notice}
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

      {lesson.blocks.map((b, index) => (
        <Fragment key={'id' in b ? b.id : `${b.type}-${index}`}>{block(b)}</Fragment>
      ))}

      <section aria-labelledby="finish-heading" className="lesson-end">
        <h2 id="finish-heading">Finish</h2>
        {finish}
      </section>

      <p className="handout-link no-print">
        <Link to={`/handout/${module.id}/${lesson.id}`}>Print a handout</Link>
      </p>

      {footer}

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
}

/** `PageHeading` (src/components/page-heading.tsx) as it renders before its effects have run. */
export function StaticHeading({ title }: { title: string }) {
  return (
    <h1 tabIndex={-1} className="page-heading">
      {title}
    </h1>
  );
}

/** "Mark complete", usable once the learner's events are read: before that, a press would be lost unsaid. */
export function MarkComplete({ usable, onPress }: { usable: boolean; onPress?: () => void }) {
  return (
    <button type="button" className="button" disabled={!usable} onClick={onPress}>
      Mark complete
    </button>
  );
}
