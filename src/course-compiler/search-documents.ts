import type { Catalog, Lesson, LessonBlock, ModuleBundle } from '../shared/content/content-types';
import type { SearchDocument } from '../shared/content/search-terms';
import { htmlToText } from './html-to-text';

/** Text between tags is separate words: `<li>one</li><li>two</li>` reads "one two". */
const htmlText = (html: string) => htmlToText(html, ' ');

function blockText(block: LessonBlock): string {
  switch (block.type) {
    case 'html':
      return htmlText(block.html);
    case 'callout':
      return `${block.title} ${htmlText(block.html)}`;
    case 'check':
      return [block.question, ...block.options.map((o) => o.html)].map(htmlText).join(' ');
    case 'reflect':
      return htmlText(block.prompt);
    case 'discuss':
      return htmlText(block.html);
    // Notes for whoever runs a session are not what a learner searches for, and are never shown to one.
    case 'facilitator':
      return '';
  }
}

/** One lesson as the search index sees it: headings count with the title, the rest as text. */
export function lessonDocument(moduleTitle: string, lesson: Lesson): SearchDocument {
  return {
    id: `${lesson.moduleId}/${lesson.id}`,
    title: lesson.title,
    objectives: lesson.objectives.join(' '),
    headings: lesson.sections
      .slice(1)
      .map((s) => s.title)
      .join(' '),
    text: `${moduleTitle} ${lesson.blocks.map(blockText).join(' ')}`,
  };
}

/** Every lesson of the compiled course, from its module bundles, in catalogue order. */
export function searchDocuments(catalog: Catalog, bundles: readonly ModuleBundle[]): SearchDocument[] {
  const byId = new Map(bundles.map((b) => [b.id, b]));
  const docs: SearchDocument[] = [];
  for (const module of catalog.modules) {
    for (const lesson of byId.get(module.id)?.lessons ?? []) docs.push(lessonDocument(module.title, lesson));
  }
  return docs;
}
