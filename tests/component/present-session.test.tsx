// Presenting a facilitated session: the plan screen, the slides moved by the keys a clicker sends, a poll
// that shows its options and then, on a key press, the answer and every explanation, and the clock
// against the plan (fake timers).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { facilitatedSessionsRepo } from '../../src/db/facilitated-sessions-repo';
import { Presenting } from '../../src/features/facilitate/presenting';
import type { Lesson } from '../../src/shared/content/content-types';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';
import { renderApp } from '../helpers/render-app';

const module = fixtureCatalog.modules.find((m) => m.id === 'foundations');
if (!module) throw new Error('fixture module missing');
const bundle = Object.values(fixtureBundles).find((b) => b.id === 'foundations');
if (!bundle) throw new Error('fixture bundle missing');

// The first fixture lesson with its discussion and facilitator notes moved up to its first section (the
// fixture has them at its end), so the slides below have a discussion between two input slides.
const [first, second] = bundle.lessons as [Lesson, Lesson];
const ownBlocks = first.blocks.filter((b) => b.type !== 'discuss' && b.type !== 'facilitator');
const withDiscussion: Lesson = {
  ...first,
  blocks: [
    ...ownBlocks.slice(0, 1),
    { type: 'facilitator', html: '<p>Ask who has heard the term before.</p>' },
    { type: 'discuss', minutes: 3, html: '<p>Who in your class gets something additional or different?</p>' },
    ...ownBlocks.slice(1),
  ],
};
const lessons = [withDiscussion, second];
const START = new Date('2026-03-02T15:30:00.000Z');

async function storeSession() {
  await facilitatedSessionsRepo.update('s1', () => ({
    sessionId: 's1',
    moduleId: 'foundations',
    title: module?.title ?? '',
    lessonIds: lessons.map((l) => l.id),
    checks: [],
    minutes: 17,
    startedAt: START.toISOString(),
    followUpOn: '2026-03-16',
    ticked: [],
  }));
}

function present() {
  return render(
    <MemoryRouter initialEntries={['/present/foundations?session=s1&day=2026-03-02&follow=2026-03-16']}>
      <Routes>
        <Route
          path="/present/:moduleId"
          element={module && <Presenting module={module} lessons={lessons} sessionId="s1" />}
        />
      </Routes>
    </MemoryRouter>,
  );
}

const slideHeading = () => screen.getByRole('main').querySelector('h2, .slide__question')?.textContent;

afterEach(() => {
  vi.useRealTimers();
});

describe('the session plan', () => {
  it('plans the whole module, or the lessons from a chosen one, with their minutes and the follow-up', async () => {
    const { user } = renderApp('/present/foundations?day=2026-03-02');
    const plan = await screen.findByRole('region', { name: /The plan/ });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Run a session: Foundations: the SEND Code of Practice',
    );
    expect(within(plan).getByRole('heading').textContent).toBe('The plan: about 18 minutes');
    expect(
      within(plan)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'What SEN means (11 minutes, with its discussion and group check)',
      'SEN support and EHC plans (5 minutes, with its discussion and group check)',
      'Try this: everyone chooses something to try (2 minutes)',
      'Follow-up on 16 March 2026',
    ]);
    await user.click(screen.getByRole('radio', { name: '15 minutes' }));
    await user.selectOptions(screen.getByLabelText('Start from'), 'SEN support and EHC plans');
    expect(within(plan).getByRole('heading').textContent).toBe('The plan: about 7 minutes');
    expect(within(plan).getAllByRole('listitem')).toHaveLength(3);
  });
});

describe('presenting', () => {
  it('moves with arrows and Page keys, and a poll shows its options, then the answer and every explanation', async () => {
    await storeSession();
    const user = userEvent.setup();
    present();
    expect(await screen.findByText('Slide 1 of 9: What SEN means')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(slideHeading()).toBe('Discuss');
    expect(screen.getByText('Suggested time: 3 minutes')).toBeInTheDocument();
    await user.keyboard('{PageDown}');
    expect(slideHeading()).toBe('Additional or different');
    await user.keyboard('{PageUp}');
    expect(slideHeading()).toBe('Discuss');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    // The poll: options only.
    const options = () => within(screen.getByRole('list')).getAllByRole('listitem');
    expect(options().map((o) => o.textContent)).toEqual([
      'AAny extra help a child gets at school',
      expect.stringMatching(/^B/),
    ]);
    expect(screen.queryByText(/Not quite/)).not.toBeInTheDocument();
    // A clicker's "next" first shows the answer and every explanation, and stays on the poll.
    await user.keyboard('{PageDown}');
    expect(screen.getByText(/Not quite\. Every child gets help/)).toBeInTheDocument();
    expect(options().map((o) => o.className)).toEqual([
      'poll__option poll__option--wrong',
      'poll__option poll__option--right',
    ]);
    expect(within(options()[1] as HTMLElement).getByText('Right')).toBeInTheDocument();
    await user.keyboard('{PageDown}');
    expect(screen.queryByText(/Not quite/)).not.toBeInTheDocument();
    await user.keyboard('{End}');
    expect(slideHeading()).toBe('Follow-up');
    expect(screen.getByText('16 March 2026')).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(slideHeading()).toBe('What SEN means');
  });

  it('reveals a poll with Enter or the button without moving on', async () => {
    await storeSession();
    const user = userEvent.setup();
    present();
    await screen.findByText(/Slide 1 of 9/);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByText(/Slide 4 of 9: Group check/)).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByText(/Not quite/)).toBeInTheDocument();
    expect(screen.getByText(/Slide 4 of 9/)).toBeInTheDocument();
  });

  it('runs the clock against the plan', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: START });
    await storeSession();
    present();
    const timer = await screen.findByRole('timer', { name: 'Session time' });
    expect(timer.textContent).toBe('0:00 of 16:00 · On time');
    act(() => {
      vi.advanceTimersByTime(61_000);
    });
    expect(timer.textContent).toBe('1:01 of 16:00 · On time');
    // Still on the first slide (its plan ends at 5/3 minutes): behind from 2 min 40 s.
    act(() => {
      vi.advanceTimersByTime(2 * 60_000);
    });
    expect(timer.textContent).toBe('3:01 of 16:00 · 1 min behind');
    act(() => {
      vi.advanceTimersByTime(15 * 60_000);
    });
    expect(timer.textContent).toBe('18:01 of 16:00 · 16 min behind');
    expect(timer).toHaveClass('slides__timer--over');
  });
});
