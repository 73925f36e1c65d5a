// The static lesson page (src/shared/lesson-page-html.ts) must be what the app renders for that lesson
// before any progress: when the app takes over from it, anything different would jump under the reader.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lessonArticleHtml } from '../../src/shared/lesson-page-html';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';
import { renderApp } from '../helpers/render-app';

// React's useId and the static page name their label/aria links differently; what matters is that the
// same elements point at each other. So ids are renamed in order of first appearance, and attributes
// only a live page has (router hints, form state set as properties) are left out.
const ID_ATTRIBUTES = ['id', 'for', 'name', 'aria-labelledby', 'aria-describedby'];
const LIVE_ONLY = new Set(['data-discover', 'selected', 'disabled']);

function canonical(root: Element): string {
  const names = new Map<string, string>();
  const rename = (value: string) =>
    value
      .split(' ')
      .map((id) => {
        if (!names.has(id)) names.set(id, `id${names.size + 1}`);
        return names.get(id);
      })
      .join(' ');
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    // Renamed in a fixed attribute order and printed sorted: attribute order carries no meaning.
    const renamed = new Map(
      ID_ATTRIBUTES.filter((name) => node.hasAttribute(name)).map((name) => [
        name,
        rename(node.getAttribute(name) ?? ''),
      ]),
    );
    const attributes = [...node.attributes]
      .filter((a) => !LIVE_ONLY.has(a.name))
      .map((a) => `${a.name}="${renamed.get(a.name) ?? a.value}"`)
      .sort()
      .join(' ');
    return `<${node.localName} ${attributes}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`;
  };
  return walk(root);
}

function staticArticle(moduleId: string, lessonId: string): Element {
  const module = fixtureCatalog.modules.find((m) => m.id === moduleId);
  const lesson = module && fixtureBundles[module.file]?.lessons.find((l) => l.id === lessonId);
  if (!module || !lesson) throw new Error(`no fixture lesson ${moduleId}/${lessonId}`);
  const template = document.createElement('template');
  template.innerHTML = lessonArticleHtml({ moduleId, moduleTitle: module.title, lesson });
  const article = template.content.firstElementChild;
  if (!article) throw new Error('the static page has no article');
  return article;
}

function installSpeech() {
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => [],
    addEventListener() {},
    removeEventListener() {},
    cancel() {},
  });
  vi.stubGlobal('SpeechSynthesisUtterance', class {});
}

afterEach(() => vi.unstubAllGlobals());

describe('static lesson page', () => {
  it.each([
    [
      'every kind of block: text, callouts, a single-answer check, a reflection, a discussion and notes',
      'foundations',
      'foundations-what-sen-means',
    ],
    ['a check with several right answers and no sources', 'foundations', 'foundations-sen-support'],
  ])('matches the app’s first render of a lesson with %s', async (_, moduleId, lessonId) => {
    installSpeech();
    renderApp(`/modules/${moduleId}/${lessonId}`);
    // The first render of a file also loads the lesson page's code: slow on a busy machine.
    await screen.findByRole('button', { name: 'Mark complete' }, { timeout: 15_000 });
    await screen.findByRole('group', { name: 'Read aloud' });
    const article = document.querySelector('article.lesson');
    if (!article) throw new Error('the app rendered no article');
    await waitFor(() => expect(canonical(article)).toBe(canonical(staticArticle(moduleId, lessonId))));
  });

  it('escapes text from the course, so a title cannot add markup', () => {
    const module = fixtureCatalog.modules[0];
    const lesson = fixtureBundles[module.file]?.lessons[0];
    if (!lesson) throw new Error('no fixture lesson');
    const html = lessonArticleHtml({
      moduleId: module.id,
      moduleTitle: 'A & B',
      lesson: { ...lesson, title: '<img src=x onerror=alert(1)>', objectives: ['"quoted" <b>'] },
    });
    expect(html).toContain('<h1 tabindex="-1" class="page-heading">&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(html).toContain('>A &amp; B</a>');
    expect(html).toContain('<li>&quot;quoted&quot; &lt;b&gt;</li>');
    expect(html).not.toContain('<img');
  });
});
