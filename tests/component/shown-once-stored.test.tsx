// Nothing a learner does is shown as done before it is stored (issue 22): while the write is still held
// back the screen does not say "Correct.", "You completed this lesson" or "Saved"; once it says so, a reload
// at that very moment (a new app over the same database) finds it kept.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { docsRepo } from '../../src/db/docs-repo';
import { eventsRepo } from '../../src/db/events-repo';
import { renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';

/** Holds every call of `repo[method]` until `release()`, as a slow phone's storage would. */
function holdWrites<R extends object, K extends keyof R>(repo: R, method: K) {
  const original = (repo[method] as (...args: unknown[]) => Promise<unknown>).bind(repo);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const spy = vi.spyOn(repo, method as never).mockImplementation((async (...args: unknown[]) => {
    await held;
    return original(...args);
  }) as never);
  return { spy, release: () => act(async () => release()) };
}

/** Lets the held write's caller run as far as it can, so anything shown too early would be on screen. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe('shown as done only once stored', () => {
  it('a check says "Correct." once the answer is stored, and a reload right then finds the attempt', async () => {
    const writes = holdWrites(eventsRepo, 'record');
    const first = renderApp(LESSON);
    const check = await screen.findByRole('group', { name: /special educational provision/ });
    await first.user.click(within(check).getByRole('radio', { name: /additional to, or different from/ }));
    await first.user.click(screen.getByRole('button', { name: 'Check answer' }));
    await waitFor(() =>
      expect(writes.spy).toHaveBeenCalledWith(
        'check-answered',
        'foundations-what-sen-means',
        expect.anything(),
      ),
    );
    await settle();
    expect(screen.queryByText('Correct.', { exact: false, selector: '.feedback__title' })).toBeNull();

    await writes.release();
    expect(await screen.findByText('Correct.', { exact: false, selector: '.feedback__title' })).toBeVisible();
    first.unmount();

    renderApp(LESSON);
    expect(await screen.findByText(/1 attempt · latest correct/)).toBeInTheDocument();
  });

  it('"Mark complete" says the lesson is completed once stored, and a reload right then finds it', async () => {
    const writes = holdWrites(eventsRepo, 'record');
    const first = renderApp(LESSON);
    await first.user.click(await screen.findByRole('button', { name: 'Mark complete' }));
    await waitFor(() =>
      expect(writes.spy).toHaveBeenCalledWith('lesson-completed', 'foundations-what-sen-means', {}),
    );
    await settle();
    expect(screen.queryByText(/You completed this lesson/)).toBeNull();

    await writes.release();
    expect(await screen.findByText(/You completed this lesson/)).toBeInTheDocument();
    first.unmount();

    renderApp(LESSON);
    expect(await screen.findByText(/You completed this lesson/)).toBeInTheDocument();
  });

  it('a note says "Saved" once stored, and a reload right then shows it', async () => {
    const writes = holdWrites(docsRepo, 'putField');
    const first = renderApp(LESSON);
    const note = await screen.findByRole('textbox', { name: /Which parts of a pupil’s help/ });
    await waitFor(() => expect(note).toBeEnabled());
    await first.user.type(note, 'Visual timetables');
    await waitFor(() => expect(writes.spy).toHaveBeenCalled());
    await settle();
    expect(screen.queryByText('Saved')).toBeNull();

    await writes.release();
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    first.unmount();

    renderApp(LESSON);
    const again = await screen.findByRole('textbox', { name: /Which parts of a pupil’s help/ });
    await waitFor(() => expect(again).toHaveValue('Visual timetables'));
  });
});
