import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { modulesRepo } from '../../src/db/modules-repo';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';
import { offline, renderApp } from '../helpers/render-app';

const DAY = 24 * 60 * 60 * 1000;

async function downloadFoundations() {
  const module = fixtureCatalog.modules.find((m) => m.id === 'foundations');
  if (!module) throw new Error('fixture');
  await modulesRepo.storeBundle(module, fixtureBundles[module.file]);
}

async function answeredLongAgo(lessonId: string, checkId: string, optionIds: string[]) {
  await eventsRepo.record(
    'check-answered',
    lessonId,
    { checkId, optionIds, correct: true },
    new Date(Date.now() - 40 * DAY),
  );
}

describe('refresher session', () => {
  it('asks due checks one at a time from downloaded lessons, offline, and records each answer', async () => {
    await downloadFoundations();
    await answeredLongAgo('foundations-what-sen-means', 'special-provision', ['b']);
    await answeredLongAgo('foundations-sen-support', 'cycle', ['assess', 'plan']);
    const { user } = renderApp('/refresh', offline);

    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 2' })).toBeInTheDocument();
    const first = screen.getByRole('group', { name: /special educational provision/ });
    await user.click(within(first).getByRole('radio', { name: /additional to, or different from/ }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText('Correct.')).toBeInTheDocument();
    expect(screen.getByText('Yes. This is the Code’s definition.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next question' })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Next question' }));
    const second = await screen.findByRole('heading', { level: 2, name: 'Question 2 of 2' });
    await waitFor(() => expect(second).toHaveFocus());
    await user.click(screen.getByRole('checkbox', { name: 'Assess' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText('Not quite. This one will come back sooner.')).toBeInTheDocument();
    expect(screen.getByText(/The right answer:/)).toHaveTextContent('Plan');
    await user.click(screen.getByRole('button', { name: 'Finish' }));

    expect(await screen.findByText(/You answered 1 of 2 questions correctly/)).toBeInTheDocument();
    const answers = await db.events.where('type').equals('refresher-answered').sortBy('deviceSeq');
    expect(answers.map((e) => [e.lessonId, e.payload])).toEqual([
      ['foundations-what-sen-means', { checkId: 'special-provision', optionIds: ['b'], correct: true }],
      ['foundations-sen-support', { checkId: 'cycle', optionIds: ['assess'], correct: false }],
    ]);
    expect(answers.every((e) => e.synced === 0)).toBe(true);
  });

  it('takes only as many questions as asked for', async () => {
    await downloadFoundations();
    await answeredLongAgo('foundations-what-sen-means', 'special-provision', ['b']);
    await answeredLongAgo('foundations-sen-support', 'cycle', ['assess', 'plan']);
    renderApp('/refresh?count=1');
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 1' })).toBeInTheDocument();
  });

  it('leaves out checks whose lesson is not on the device, and says when the next one is due', async () => {
    await answeredLongAgo('foundations-sen-support', 'cycle', ['assess', 'plan']);
    await eventsRepo.record('check-answered', 'foundations-what-sen-means', {
      checkId: 'special-provision',
      optionIds: ['b'],
      correct: true,
    });
    renderApp('/refresh');
    expect(await screen.findByText('Nothing needs refreshing right now.')).toBeInTheDocument();
    expect(screen.getByText(/Your next refresher will be ready on/)).toBeInTheDocument();
  });
});
