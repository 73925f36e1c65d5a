import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { latestPosition, type ReadingPosition } from '../../src/features/lesson/reading-position';
import { fixtureSeed } from '../helpers/fixture-course';
import { offline, renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';
const DOC = 'position:foundations-what-sen-means';

/** jsdom lays nothing out: headings report where the test says they are on screen. */
function placeHeadings(tops: Record<string, number>) {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const top = tops[this.id] ?? 2000;
    return { top, bottom: top + 30, left: 0, right: 300, width: 300, height: 30, x: 0, y: top } as DOMRect;
  });
}

const scrolledTo: string[] = [];
beforeEach(() => {
  scrolledTo.length = 0;
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolledTo.push(this.id);
  };
  vi.stubGlobal('scrollTo', vi.fn());
});
afterEach(() => {
  // jsdom has no scrollIntoView; leave it as it was found.
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
});

function position(sectionId: string, index: number, hlc: string, deviceId: string) {
  return { sectionId, index, hlc, deviceId, updatedAt: '2026-05-01T10:00:00.000Z' };
}

describe('exact resume', () => {
  it('saves the section being read as the learner scrolls, and reopens the lesson there', async () => {
    const first = renderApp(LESSON);
    await screen.findByRole('heading', { level: 2, name: 'In your setting' });
    // Let the restore (nothing saved yet) finish before scrolling.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));

    placeHeadings({ 'additional-or-different': -400, 'in-your-setting': 120 });
    fireEvent.scroll(window);
    await waitFor(async () =>
      expect((await db.docs.get(DOC))?.body).toMatchObject({ sectionId: 'in-your-setting', index: 2 }),
    );
    const saved = (await db.docs.get(DOC))?.body;
    expect(saved?.hlc).toMatch(/^\d{15}:\d{5}:/);
    expect((await db.docs.get(DOC))?.dirty).toBe(1);

    // Scrolling back up moves the position back; the furthest section stays in the events.
    placeHeadings({ 'additional-or-different': 100, 'in-your-setting': 900 });
    fireEvent.scroll(window);
    await waitFor(async () => expect((await db.docs.get(DOC))?.body).toMatchObject({ index: 1 }));
    placeHeadings({ 'additional-or-different': -900, 'in-your-setting': 50 });
    fireEvent.scroll(window);
    // Leaving inside the delay still saves.
    first.unmount();
    await waitFor(async () => expect((await db.docs.get(DOC))?.body).toMatchObject({ index: 2 }));

    vi.restoreAllMocks();
    const { user } = renderApp(LESSON);
    const notice = await screen.findByText(
      /You are back where you left off: “In your setting”. This is part 3 of 3./,
    );
    expect(scrolledTo).toEqual(['in-your-setting']);
    expect(screen.getByRole('heading', { level: 2, name: 'In your setting' })).toHaveFocus();
    // The notice scrolls away with the header: where the learner is, and a way back up, stay at hand.
    const place = screen.getByRole('navigation', { name: 'Where you are' });
    expect(place).toHaveTextContent('Reopened at part 3 of 3: “In your setting”');
    expect(within(place).getByRole('button', { name: 'Back to the top' })).toBeInTheDocument();

    await user.click(within(notice).getByRole('button', { name: 'Start from the beginning' }));
    expect(screen.getByRole('heading', { level: 1, name: 'What SEN means' })).toHaveFocus();
    expect(window.scrollTo).toHaveBeenCalled();
    expect(screen.queryByRole('navigation', { name: 'Where you are' })).not.toBeInTheDocument();
  });

  // The rendered page was read down to "In your setting" while the app's code was still loading: that place
  // is kept and saved, with no scroll after, and the learner is not jumped to an older saved place.
  it.each([
    ['with nothing saved', null],
    ['over an older saved place', position('additional-or-different', 1, '000001700000000:00000:aaa', 'aaa')],
  ])('keeps the place a learner scrolled to before the app took the page over, %s', async (_, saved) => {
    if (saved) {
      await db.docs.put({ id: DOC, body: saved, rev: 0, dirty: 0, updatedAt: new Date().toISOString() });
    }
    placeHeadings({ 'additional-or-different': -400, 'in-your-setting': 120 });
    vi.stubGlobal('scrollY', 900);
    renderApp(LESSON);
    await waitFor(async () =>
      expect((await db.docs.get(DOC))?.body).toMatchObject({ sectionId: 'in-your-setting', index: 2 }),
    );
    expect(scrolledTo).toEqual([]);
    expect(screen.queryByText(/You are back where you left off/)).not.toBeInTheDocument();
  });

  it('writes no position for a lesson opened at its top and not scrolled', async () => {
    renderApp(LESSON);
    await screen.findByRole('heading', { level: 2, name: 'In your setting' });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 600)));
    expect(await db.docs.get(DOC)).toBeUndefined();
  });

  it('takes the later of its own position and another device’s conflicting one', async () => {
    await db.docs.put({
      id: DOC,
      body: position('additional-or-different', 1, '000001700000000:00000:aaa', 'aaa'),
      rev: 1,
      dirty: 1,
      updatedAt: new Date().toISOString(),
      conflict: { rev: 2, body: position('in-your-setting', 2, '000001700000500:00000:bbb', 'bbb') },
    });
    renderApp(LESSON);
    expect(await screen.findByText(/back where you left off: “In your setting”/)).toBeInTheDocument();

    // The next save settles the conflict on the server's revision, later than both positions.
    placeHeadings({ 'additional-or-different': 100, 'in-your-setting': 900 });
    fireEvent.scroll(window);
    await waitFor(async () => expect((await db.docs.get(DOC))?.conflict).toBeUndefined());
    const row = await db.docs.get(DOC);
    expect(row).toMatchObject({ rev: 2, dirty: 1, body: { sectionId: 'additional-or-different', index: 1 } });
    expect(String(row?.body.hlc) > '000001700000500:00000:bbb').toBe(true);
  });

  it('opens a completed lesson at its top', async () => {
    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
    await db.docs.put({
      id: DOC,
      body: position('in-your-setting', 2, '000001700000000:00000:aaa', 'aaa'),
      rev: 0,
      dirty: 1,
      updatedAt: new Date().toISOString(),
    });
    renderApp(LESSON);
    await screen.findByText(/You completed this lesson/);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(screen.queryByText(/back where you left off/)).not.toBeInTheDocument();
    expect(scrolledTo).toEqual([]);
  });
});

describe('exact resume on a lesson page rendered at build time (shown from its seed before progress is read)', () => {
  const seed = fixtureSeed('foundations', 'foundations-what-sen-means');
  const saveAt = (sectionId: string, index: number) =>
    db.docs.put({
      id: DOC,
      body: position(sectionId, index, '000001700000000:00000:aaa', 'aaa'),
      rev: 0,
      dirty: 1,
      updatedAt: new Date().toISOString(),
    });

  it('opens a completed lesson at its top', async () => {
    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
    await saveAt('in-your-setting', 2);
    renderApp(LESSON, offline, { seed });
    await screen.findByText(/You completed this lesson/);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(screen.queryByText(/back where you left off/)).not.toBeInTheDocument();
    expect(scrolledTo).toEqual([]);
  });

  it('reopens an unfinished lesson where the learner was, once their progress is read', async () => {
    await eventsRepo.record('lesson-opened', 'foundations-what-sen-means', {});
    await saveAt('in-your-setting', 2);
    renderApp(LESSON, offline, { seed });
    expect(await screen.findByText(/back where you left off/)).toBeInTheDocument();
    expect(scrolledTo).toEqual(['in-your-setting']);
  });
});

describe('latestPosition (last writer wins by hlc, then device id)', () => {
  const a = position('one', 1, '000000000000010:00000:aaa', 'aaa');
  const b = position('two', 2, '000000000000020:00000:bbb', 'bbb');
  const tieHigherDevice = position('three', 3, '000000000000010:00000:aaa', 'zzz');
  it.each<{ left: ReadingPosition | null; right: ReadingPosition | null; winner: string | null }>([
    { left: a, right: b, winner: 'two' },
    { left: b, right: a, winner: 'two' },
    { left: a, right: tieHigherDevice, winner: 'three' },
    { left: tieHigherDevice, right: a, winner: 'three' },
    { left: null, right: a, winner: 'one' },
    { left: null, right: null, winner: null },
  ])('$left.sectionId vs $right.sectionId → $winner', ({ left, right, winner }) => {
    expect(latestPosition(left, right)?.sectionId ?? null).toBe(winner);
  });
});
