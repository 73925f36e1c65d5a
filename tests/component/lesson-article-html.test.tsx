// A downloaded lesson as the service worker serves it offline, before any of the app's code has run: the
// lesson's one markup (src/lesson-markup/lesson-article.tsx) rendered to a string, in index.html's page slot.
// What the app renders first is this same tree, so there is nothing here to hold equal to it by hand.
import { within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lessonArticleHtml } from '../../src/lesson-markup/lesson-article-html';
import type { Lesson } from '../../src/shared/content/content-types';
import { lessonPageHtml, type PrerenderedLesson } from '../../src/shared/content/lesson-page-html';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';

function fixtureLesson(moduleId: string, lessonId: string): PrerenderedLesson {
  const module = fixtureCatalog.modules.find((m) => m.id === moduleId);
  const lesson = module && fixtureBundles[module.file]?.lessons.find((l) => l.id === lessonId);
  if (!module || !lesson) throw new Error(`no fixture lesson ${moduleId}/${lessonId}`);
  return { moduleId, moduleTitle: module.title, lesson };
}

// In the document, as in the page: names given by aria-labelledby are found there.
function parsed(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  return container;
}

afterEach(() => document.body.replaceChildren());

const shell =
  '<html><head><title>Pocket CPD</title></head><body><div id="root"><main id="main">' +
  '<p role="status" class="loading" data-page-slot>Loading the page…</p></main></div></body></html>';

describe('a downloaded lesson rendered for the first paint', () => {
  const page = fixtureLesson('foundations', 'foundations-what-sen-means');

  it('reads as the lesson: its module, title, objectives, every kind of block and its sources', () => {
    const article = within(parsed(lessonArticleHtml(page)));
    expect(article.getByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    expect(
      article.getByRole('link', { name: 'Foundations: the SEND Code of Practice' }).getAttribute('href'),
    ).toBe('/modules/foundations');
    expect(article.getByText('5 minutes')).toBeInTheDocument();
    expect(article.getByText('Read “must” and “should” in the Code')).toBeInTheDocument();
    expect(article.getByText('Look at what peers of the same age normally get.')).toBeInTheDocument();
    expect(article.getByRole('complementary', { name: /Tomorrow/ })).toBeInTheDocument();
    expect(
      article.getByRole('group', { name: /Which of these is special educational provision/ }),
    ).toBeInTheDocument();
    expect(article.getAllByRole('radio')).toHaveLength(2);
    expect(
      article.getByText('Which parts of a pupil’s help are additional to what classmates get?'),
    ).toBeInTheDocument();
    expect(article.getByText(/get help that is/)).toBeInTheDocument();
    expect(article.getByRole('link', { name: 'SEND code of practice: 0 to 25 years' })).toBeInTheDocument();
    expect(article.getByRole('link', { name: 'Print a handout' }).getAttribute('href')).toBe(
      '/handout/foundations/foundations-what-sen-means',
    );
    // Notes for whoever runs a session are never part of a learner's lesson.
    expect(article.queryByText(/Allow five minutes in pairs/)).toBeNull();
  });

  it('offers nothing that would be lost before the learner’s progress is read', () => {
    const root = parsed(lessonArticleHtml(page));
    const article = within(root);
    expect(article.getByRole('button', { name: 'Mark complete' })).toBeDisabled();
    expect(root.querySelector('form.check')).toHaveAttribute('inert');
    expect(article.getByRole('textbox', { name: /Reflect/ })).toBeDisabled();
    expect(article.getByRole('button', { name: 'Read aloud' })).toBeInTheDocument();
    expect(article.getByRole('combobox', { name: 'Speed' })).toHaveValue('1');
  });

  it('escapes text from the course, so a title cannot add markup', () => {
    const lesson: Lesson = {
      ...page.lesson,
      title: '<img src=x onerror=alert(1)>',
      objectives: ['"quoted" <b>'],
    };
    const root = parsed(lessonArticleHtml({ ...page, moduleTitle: 'A & B', lesson }));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('h1')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(within(root).getByRole('link', { name: 'A & B' })).toBeInTheDocument();
    expect(within(root).getByText('"quoted" <b>')).toBeInTheDocument();
  });

  it('goes into index.html’s page slot, inert and marked with its address, under the lesson’s title', () => {
    const html = lessonPageHtml(shell, '<article class="lesson">…</article>', 'A & B', '/modules/m/l');
    const document = new DOMParser().parseFromString(html ?? '', 'text/html');
    expect(document.title).toBe('A & B – Pocket CPD');
    expect(document.querySelector('[data-page-slot]')).toBeNull();
    const prerendered = document.querySelector('#main > [data-prerendered]');
    expect(prerendered?.getAttribute('data-prerendered')).toBe('/modules/m/l');
    expect(prerendered?.hasAttribute('inert')).toBe(true);
    expect(prerendered?.querySelector('article.lesson')).not.toBeNull();
  });

  it('leaves an index.html without a page slot to the app', () => {
    expect(
      lessonPageHtml('<html><body><div id="root"></div></body></html>', '<article></article>', 'T', '/'),
    ).toBeNull();
  });
});
