import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { handoutContent } from '../../src/features/lesson/handout-content';
import type { Lesson } from '../../src/shared/content/content-types';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';
import { renderApp } from '../helpers/render-app';

const HANDOUT = '/handout/foundations/foundations-what-sen-means';

function fixtureLesson(id: string): Lesson {
  const module = fixtureCatalog.modules.find((m) => m.id === 'foundations');
  const lesson = module && fixtureBundles[module.file]?.lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no fixture lesson ${id}`);
  return lesson;
}

describe('lesson handout', () => {
  it('is linked from the lesson page', async () => {
    renderApp('/modules/foundations/foundations-what-sen-means');
    // The first test of a file also loads the lesson page's code, which can take a while on a busy machine.
    const link = await screen.findByRole('link', { name: 'Print a handout' }, { timeout: 15_000 });
    expect(link).toHaveAttribute('href', HANDOUT);
  });

  it('carries the key points, the try-this, the prompts and the sources, and nothing for the facilitator', async () => {
    renderApp(HANDOUT);
    expect(await screen.findByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Handout: What SEN means – Pocket CPD'));
    // The lesson has no key point of its own, so its objectives stand in.
    const key = screen.getByRole('region', { name: 'Key points' });
    expect(
      within(key)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Tell special educational needs apart from disability',
      'Read “must” and “should” in the Code',
    ]);
    expect(screen.getByRole('region', { name: 'Try this' })).toHaveTextContent(
      'TomorrowWrite down what one pupil needs that classmates do not.',
    );
    const prompts = screen.getByRole('region', { name: 'To think about or discuss' });
    expect(
      within(prompts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Which parts of a pupil’s help are additional to what classmates get?',
      'Which pupils in your class get help that is different from their classmates’?',
    ]);
    expect(screen.getByRole('region', { name: 'Sources' })).toHaveTextContent(
      'SEND code of practice: 0 to 25 years. Department for Education, 2015. https://www.gov.uk/government/publications/send-code-of-practice-0-to-25',
    );
    const page = document.body.textContent ?? '';
    expect(page).not.toContain('Allow five minutes in pairs');
    expect(page).not.toContain('Which of these is special educational provision?');
    expect(page).not.toContain('Every setting has children who need more help.');
    expect(screen.getByRole('button', { name: 'Print handout' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the lesson' })).toHaveAttribute(
      'href',
      '/modules/foundations/foundations-what-sen-means',
    );
  });

  it('says so when there is no such lesson', async () => {
    renderApp('/handout/foundations/no-such-lesson');
    expect(await screen.findByRole('heading', { level: 1, name: 'Handout not found' })).toBeInTheDocument();
  });
});

describe('handoutContent', () => {
  it('takes key points from :::key callouts, when a lesson has them, and leaves facilitator notes out', () => {
    const lesson = fixtureLesson('foundations-what-sen-means');
    const withKey: Lesson = {
      ...lesson,
      blocks: [
        ...lesson.blocks,
        {
          type: 'callout',
          id: 'callout-9',
          section: 2,
          kind: 'key',
          title: 'Key point',
          html: '<p>Peers.</p>',
        },
      ],
    };
    const handout = handoutContent(withKey);
    expect(handout.keyPoints).toEqual([{ title: 'Key point', html: '<p>Peers.</p>' }]);
    expect(handout.objectives).toEqual([]);
    expect(JSON.stringify(handout)).not.toContain('Allow five minutes');
    expect(handout.prompts).toHaveLength(2);
  });
});
