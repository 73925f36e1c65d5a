// Runs in the service worker: a downloaded lesson's page content as static HTML, for the first paint of a
// lesson opened with no signal (src/sw/sw.ts). It is `LessonArticle` with each slot in the state the app
// first renders it in (progress not read yet), so the app's own page replaces it without anything moving.
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import type { PrerenderedLesson } from '../shared/content/lesson-page-html';
import { CheckBlock } from './check-block';
import { LessonArticle, MarkComplete, StaticHeading } from './lesson-article';
import { ReadAloudFieldset } from './read-aloud-fieldset';
import { ReflectField } from './reflect-field';

// No router here: the app's links render as plain anchors too, so these read and work the same.
function PlainLink({ to, children }: { to: string; children: ReactNode }) {
  return <a href={to}>{children}</a>;
}

const notAnswered = async () => false;

/** The `<article>` of a lesson's page before the learner's progress is read. */
export function lessonArticleHtml({ moduleId, moduleTitle, lesson }: PrerenderedLesson): string {
  return renderToString(
    <LessonArticle
      module={{ id: moduleId, title: moduleTitle }}
      lesson={lesson}
      Link={PlainLink}
      heading={<StaticHeading title={lesson.title} />}
      tools={<ReadAloudFieldset state="idle" rate={1} voices={[]} voiceUri="" error={null} />}
      check={(block) => (
        <CheckBlock key={block.id} block={block} progress={undefined} usable={false} onAnswer={notAnswered} />
      )}
      reflect={(block) => (
        <ReflectField
          key={block.id}
          lessonId={lesson.id}
          block={block}
          text=""
          loaded={false}
          status="idle"
        />
      )}
      finish={<MarkComplete usable={false} />}
    />,
  );
}
