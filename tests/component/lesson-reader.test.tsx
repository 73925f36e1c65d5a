import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { offline, renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';

describe('lesson reader', () => {
  it('shows the objectives, the blocks in order and the sources', async () => {
    renderApp(LESSON);
    expect(await screen.findByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('What SEN means – Pocket CPD'));
    const objectives = screen.getByRole('region', { name: 'In this lesson you will learn to' });
    expect(within(objectives).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 2, name: 'Additional or different' })).toHaveAttribute(
      'id',
      'additional-or-different',
    );
    expect(screen.getByRole('complementary', { name: /Tip/ })).toHaveTextContent('peers of the same age');
    expect(screen.getByRole('complementary', { name: /^Try this: Tomorrow$/ })).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: /Which of these is special educational provision/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'SEND code of practice: 0 to 25 years' })).toHaveAttribute(
      'href',
      'https://www.gov.uk/government/publications/send-code-of-practice-0-to-25',
    );
    // The first open stores the bundle and an opened event.
    await waitFor(async () => expect(await db.events.where('type').equals('lesson-opened').count()).toBe(1));
    expect(await db.lessons.get('foundations-what-sen-means')).toBeDefined();
  });

  it('shows a discussion prompt as something to think or talk over, and never the facilitator’s notes', async () => {
    renderApp(LESSON);
    const prompt = await screen.findByRole('complementary', {
      name: 'Think about, or talk with a colleague:',
    });
    expect(prompt).toHaveTextContent(
      'Which pupils in your class get help that is different from their classmates’?',
    );
    expect(screen.queryByText(/Allow five minutes in pairs/)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/Allow five minutes|treat any extra help/);
  });

  it('opens a lesson it has stored even when offline', async () => {
    const first = renderApp(LESSON);
    await screen.findByRole('heading', { level: 1, name: 'What SEN means' });
    await waitFor(async () => expect(await db.modules.get('foundations')).toBeDefined());
    first.unmount();

    renderApp(LESSON, offline);
    expect(await screen.findByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
  });

  it('explains a wrong answer, lets the learner try again, and records every attempt', async () => {
    const { user } = renderApp(LESSON);
    const check = await screen.findByRole('group', { name: /special educational provision/ });
    await user.click(within(check).getByRole('radio', { name: 'Any extra help a child gets at school' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));

    expect(await screen.findByText(/Not quite\./, { selector: '.feedback__title' })).toBeInTheDocument();
    expect(screen.getByText(/special provision is measured against peers\./)).toBeInTheDocument();
    expect(
      within(check).getByRole('radio', { name: 'Any extra help a child gets at school' }),
    ).toBeDisabled();

    await waitFor(() => expect(screen.getByRole('button', { name: 'Try again' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(check).getAllByRole('radio')[0]).toHaveFocus());
    await user.click(within(check).getByRole('radio', { name: /additional to, or different from/ }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));

    expect(
      await screen.findByText('Correct.', { exact: false, selector: '.feedback__title' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Yes. This is the Code’s definition.')).toBeInTheDocument();
    expect(await screen.findByText(/2 attempts · latest correct · best correct/)).toBeInTheDocument();
    const answers = await db.events.where('type').equals('check-answered').sortBy('deviceSeq');
    expect(answers.map((e) => e.payload)).toEqual([
      { checkId: 'special-provision', optionIds: ['a'], correct: false },
      { checkId: 'special-provision', optionIds: ['b'], correct: true },
    ]);
  });

  it('keeps a reflection after the lesson is closed and opened again', async () => {
    const first = renderApp(LESSON);
    const note = await screen.findByRole('textbox', { name: /Which parts of a pupil’s help/ });
    await waitFor(() => expect(note).toBeEnabled());
    await first.user.type(note, 'Sam needs visual timetables');
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    first.unmount();

    renderApp(LESSON);
    const again = await screen.findByRole('textbox', { name: /Which parts of a pupil’s help/ });
    await waitFor(() => expect(again).toHaveValue('Sam needs visual timetables'));
    const doc = await db.docs.get('note:foundations-what-sen-means:my-pupil');
    expect(doc).toMatchObject({ dirty: 1, rev: 0, body: { text: 'Sam needs visual timetables' } });
  });

  it('marks a lesson complete, goes to the next one, and shows it on Today and in the record', async () => {
    const { user } = renderApp(LESSON);
    await user.click(await screen.findByRole('button', { name: 'Mark complete' }));
    const next = await screen.findByRole('link', { name: 'Next lesson: SEN support and EHC plans' });
    await waitFor(() => expect(next).toHaveFocus());
    expect(screen.getByText(/You completed this lesson on/)).toBeInTheDocument();

    await user.click(next);
    const heading = await screen.findByRole('heading', { level: 1, name: 'SEN support and EHC plans' });
    await waitFor(() => expect(heading).toHaveFocus());

    await user.click(screen.getByRole('link', { name: 'Today' }));
    const today = await screen.findByRole('heading', { level: 1, name: 'Today' });
    await waitFor(() => expect(today).toHaveFocus());
    expect(await screen.findByText('Whole course: 1 of 4 lessons done (25%)')).toBeInTheDocument();
    expect(screen.getByText(/Last completed:/)).toHaveTextContent('What SEN means');
    const continueCard = screen.getByRole('region', { name: 'Continue where you left off' });
    expect(within(continueCard).getByRole('link', { name: 'SEN support and EHC plans' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Record' }));
    const table = await screen.findByRole('table', { name: 'Completed lessons, newest first' });
    const row = within(table).getByRole('row', { name: /What SEN means/ });
    expect(row).toHaveTextContent('Foundations: the SEND Code of Practice');
    expect(row).toHaveTextContent('5');
  });

  it('leads from the last lesson of a module to the next module', async () => {
    const { user } = renderApp('/modules/foundations/foundations-sen-support');
    await user.click(await screen.findByRole('button', { name: 'Mark complete' }));
    expect(await screen.findByRole('link', { name: 'Next lesson: What DLD is' })).toHaveAttribute(
      'href',
      '/modules/speech-language-dld/speech-language-dld-what-dld-is',
    );
  });

  it('leads back to the module after the last lesson of the course', async () => {
    const { user } = renderApp('/modules/early-years/early-years-play-and-talk');
    await user.click(await screen.findByRole('button', { name: 'Mark complete' }));
    expect(await screen.findByRole('link', { name: 'Back to Early years' })).toHaveAttribute(
      'href',
      '/modules/early-years',
    );
  });
});
