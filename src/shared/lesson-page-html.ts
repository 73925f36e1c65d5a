// A lesson's page as static HTML, so its text is on screen before the app's JavaScript has run: the
// service worker makes one from the lesson stored in IndexedDB when a downloaded lesson is opened
// (src/sw/). The markup is what `LessonContent` renders for a lesson with no progress yet, so when the app
// replaces it (src/components/prerendered-or.tsx) nothing moves; tests/component/lesson-page-html.test.tsx
// holds the two together. A lesson with progress gains its marks (completed, answers, the resume notice)
// at that moment: the service worker does not read the learner's events.
import {
  CALLOUT_LABELS,
  type CheckOption,
  type Lesson,
  type LessonBlock,
  type Source,
} from './content-types';
import { inlineHtml } from './inline-html';
import { minutesText } from './minutes-text';
import { READ_ALOUD_RATES, rateLabel } from './read-aloud-rates';

export type PrerenderedLesson = { moduleId: string; moduleTitle: string; lesson: Lesson };

/** The attribute that marks the prerendered page and names the path it belongs to. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// Ids for label and aria wiring, unique within the page; the app uses its own when it takes over.
function idMaker(): () => string {
  let n = 0;
  return () => `pre-${++n}`;
}

function readAloudControls(nextId: () => string): string {
  const rateId = nextId();
  const options = READ_ALOUD_RATES.map(
    (r) => `<option value="${r}"${r === 1 ? ' selected' : ''}>${escapeHtml(rateLabel(r))}</option>`,
  ).join('');
  return (
    '<fieldset class="read-aloud no-print"><legend class="visually-hidden">Read aloud</legend>' +
    '<div class="actions"><button type="button" class="button button--quiet">Read aloud</button>' +
    `<span class="field field--inline"><label for="${rateId}">Speed</label><select id="${rateId}">${options}</select></span>` +
    '</div><p class="meta" role="status"></p></fieldset>'
  );
}

const CALLOUT_ICON = { tip: '💡', key: '★', try: '✎' } as const;

function option(option: CheckOption, type: string, name: string): string {
  return (
    `<label class="option"><input type="${type}" name="${name}" value="${escapeHtml(option.id)}">` +
    `<span>${inlineHtml(option.html)}</span></label>`
  );
}

function block(b: LessonBlock, nextId: () => string): string {
  switch (b.type) {
    case 'html':
      return `<div class="prose">${b.html}</div>`;
    case 'callout': {
      const titleId = nextId();
      const kind =
        b.title !== CALLOUT_LABELS[b.kind]
          ? `<span class="callout__kind">${CALLOUT_LABELS[b.kind]}:</span> `
          : '';
      return (
        `<aside class="callout callout--${b.kind}" aria-labelledby="${titleId}">` +
        `<p class="callout__title" id="${titleId}"><span aria-hidden="true" class="callout__icon">${CALLOUT_ICON[b.kind]}</span> ${kind}${escapeHtml(b.title)}</p>` +
        `<div>${b.html}</div></aside>`
      );
    }
    case 'check': {
      const name = nextId();
      const type = b.multiple ? 'checkbox' : 'radio';
      return (
        '<form class="check"><fieldset><legend><span class="check__label">Check your understanding:</span> ' +
        `<span class="check__question">${inlineHtml(b.question)}</span></legend>` +
        (b.multiple ? '<p class="meta">Choose all the answers that are right.</p>' : '') +
        `<div class="check__options">${b.options.map((o) => option(o, type, name)).join('')}</div></fieldset>` +
        '<div aria-live="polite" class="check__feedback"></div>' +
        '<button type="submit" class="button">Check answer</button></form>'
      );
    }
    case 'reflect': {
      const [labelId, promptId, hintId, fieldId, lengthId] = [
        nextId(),
        nextId(),
        nextId(),
        nextId(),
        nextId(),
      ];
      return (
        `<div class="reflect"><p id="${labelId}" class="reflect__label">Reflect</p>` +
        `<div id="${promptId}" class="reflect__prompt">${b.prompt}</div>` +
        `<p id="${hintId}" class="meta">Your answer is a private note, saved as you type.</p>` +
        `<textarea id="${fieldId}" aria-labelledby="${labelId} ${promptId}" aria-describedby="${hintId} ${lengthId}" rows="5" disabled=""></textarea>` +
        `<p id="${lengthId}" class="note-length meta"></p>` +
        '<p class="reflect__status" role="status"></p></div>'
      );
    }
    default:
      // Discussion prompts and facilitator notes belong to a facilitated session, not to self-study.
      return '';
  }
}

function source(s: Source): string {
  const document = s.url
    ? `<a href="${escapeHtml(s.url)}">${escapeHtml(s.document)}</a>`
    : escapeHtml(s.document);
  return `<li>${document}. ${escapeHtml(s.publisher)}, ${escapeHtml(String(s.year))}.</li>`;
}

/** The `<article>` of a lesson page, as `LessonContent` first renders it. */
export function lessonArticleHtml({ moduleId, moduleTitle, lesson }: PrerenderedLesson): string {
  const nextId = idMaker();
  const objectives =
    lesson.objectives.length > 0
      ? '<section aria-labelledby="objectives-heading" class="objectives"><h2 id="objectives-heading">In this lesson you will learn to</h2>' +
        `<ul>${lesson.objectives.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul></section>`
      : '';
  const sources =
    lesson.sources.length > 0
      ? `<section aria-labelledby="sources-heading" class="sources"><h2 id="sources-heading">Sources</h2><ul>${lesson.sources.map(source).join('')}</ul></section>`
      : '';
  return (
    '<article class="lesson">' +
    `<p class="breadcrumb"><a href="/modules/${escapeHtml(moduleId)}">${escapeHtml(moduleTitle)}</a></p>` +
    `<h1 tabindex="-1" class="page-heading">${escapeHtml(lesson.title)}</h1>` +
    `<p class="meta">${minutesText(lesson.minutes)}</p>` +
    readAloudControls(nextId) +
    objectives +
    lesson.blocks.map((b) => block(b, nextId)).join('') +
    '<section aria-labelledby="finish-heading" class="lesson-end"><h2 id="finish-heading">Finish</h2>' +
    '<button type="button" class="button">Mark complete</button></section>' +
    sources +
    '</article>'
  );
}

// index.html marks where a page's content goes (src/app/layout.tsx renders the same place).
const PAGE_SLOT = /<p [^>]*data-page-slot[^>]*>[^<]*<\/p>/;

/**
 * index.html with the lesson in its page slot and its title, or null when this index.html has no slot
 * (an old shell): the caller then serves the shell as it is and the app renders the lesson itself. `path`
 * is the address the page is served at, as the app will read it from `location.pathname`.
 */
export function lessonPageHtml(shell: string, page: PrerenderedLesson, path: string): string | null {
  if (!PAGE_SLOT.test(shell)) return null;
  // Inert until the app takes over: its buttons do nothing yet, and a check's form must not submit as a
  // page load. The app replaces it within moments of the first paint.
  const content = `<div ${PRERENDERED_ATTRIBUTE}="${escapeHtml(path)}" inert>${lessonArticleHtml(page)}</div>`;
  return shell
    .replace(PAGE_SLOT, () => content)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.lesson.title)} – Pocket CPD</title>`);
}
