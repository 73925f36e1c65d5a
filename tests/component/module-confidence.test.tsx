import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { renderApp } from '../helpers/render-app';

const STATEMENTS = [
  'I feel confident to explain what SEN means in law',
  'I feel confident to tell SEN support apart from an EHC plan',
  'I feel confident to explain how my role fits with the SENCO’s',
];

async function confidenceEvents() {
  return (await db.events.toArray()).filter((e) => e.type === 'confidence-rated');
}

describe('confidence before and after a module', () => {
  it('asks before the first lesson, saves the ratings as an event and shows them back', async () => {
    const { user } = renderApp('/modules/foundations');
    const survey = await screen.findByRole('region', {
      name: 'Before you start: how confident do you feel?',
    });
    // The lessons stay right there: the question never stands in the way.
    expect(screen.getByRole('link', { name: 'What SEN means' })).toBeInTheDocument();
    const groups = within(survey).getAllByRole('group');
    expect(groups.map((g) => g.querySelector('legend')?.textContent)).toEqual(STATEMENTS);

    await user.click(within(survey).getByRole('button', { name: 'Save my answers' }));
    expect(
      within(survey).getByText(/Choose how confident you feel for at least one statement/),
    ).toBeInTheDocument();
    expect(await confidenceEvents()).toEqual([]);

    await user.click(within(groups[0] as HTMLElement).getByRole('radio', { name: '2 – Slightly confident' }));
    await user.click(within(groups[1] as HTMLElement).getByRole('radio', { name: '4 – Confident' }));
    await user.click(within(survey).getByRole('button', { name: 'Save my answers' }));

    expect(
      await screen.findByText(
        'Your confidence at the start: 3.0 out of 5 on average. You will be asked again when you finish the module.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /how confident do you feel/ })).not.toBeInTheDocument();
    const [event] = await confidenceEvents();
    expect(event).toMatchObject({
      lessonId: 'foundations-what-sen-means',
      payload: {
        moduleId: 'foundations',
        stage: 'before',
        ratings: [
          { statement: STATEMENTS[0], rating: 2 },
          { statement: STATEMENTS[1], rating: 4 },
        ],
      },
    });
  });

  it('can be skipped, and stays skipped', async () => {
    const first = renderApp('/modules/foundations');
    const survey = await screen.findByRole('region', { name: /Before you start/ });
    await first.user.click(within(survey).getByRole('button', { name: 'Not now' }));
    await expect.poll(() => screen.queryByRole('region', { name: /Before you start/ })).toBeNull();
    first.unmount();
    renderApp('/modules/foundations');
    expect(await screen.findByRole('link', { name: 'What SEN means' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Before you start/ })).not.toBeInTheDocument();
    expect(await confidenceEvents()).toEqual([]);
  });

  it('is not asked before once a lesson has been opened', async () => {
    await eventsRepo.record('lesson-opened', 'foundations-what-sen-means', {});
    renderApp('/modules/foundations');
    expect(await screen.findByRole('link', { name: 'What SEN means' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /how confident do you feel/ })).not.toBeInTheDocument();
  });

  it('asks again after the last lesson, then shows the change on the module page and in the record', async () => {
    await eventsRepo.record('confidence-rated', 'foundations-what-sen-means', {
      moduleId: 'foundations',
      stage: 'before',
      ratings: STATEMENTS.map((statement) => ({ statement, rating: 2 })),
    });
    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
    await eventsRepo.record('lesson-completed', 'foundations-sen-support', {});
    const { user } = renderApp('/modules/foundations');
    const survey = await screen.findByRole('region', {
      name: 'You have finished: how confident do you feel now?',
    });
    const groups = within(survey).getAllByRole('group');
    for (const group of groups) await user.click(within(group).getByRole('radio', { name: '4 – Confident' }));
    await user.click(within(survey).getByRole('button', { name: 'Save my answers' }));
    expect(
      await screen.findByText(
        /Your confidence: 2\.0 out of 5 at the start, 4\.0 out of 5 at the end \(up 2\.0\)/,
      ),
    ).toBeInTheDocument();
    const after = (await confidenceEvents()).find((e) => e.payload.stage === 'after');
    expect(after?.lessonId).toBe('foundations-sen-support');

    await user.click(screen.getByRole('link', { name: 'See your CPD record' }));
    const table = await screen.findByRole('table', { name: 'Confidence per module, most recent first' });
    expect(within(table).getByRole('row', { name: /Foundations/ })).toHaveTextContent(
      'Foundations: the SEND Code of Practice2.0 out of 54.0 out of 5up 2.0',
    );
  });
});
