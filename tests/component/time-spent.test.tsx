import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { eventsRepo } from '../../src/db/events-repo';
import { renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';

describe('time spent on a lesson', () => {
  it('is recorded when the page is closed (pagehide), not only when the learner leaves by a link', async () => {
    const start = Date.now();
    const now = vi.spyOn(Date, 'now').mockReturnValue(start);
    renderApp(LESSON);
    await screen.findByRole('heading', { level: 1, name: 'What SEN means' });
    // The lesson is live (its progress read, time measured from here) once Mark complete can be pressed.
    await waitFor(() => expect(screen.getByRole('button', { name: /Mark complete/ })).toBeEnabled());
    now.mockReturnValue(start + 3 * 60_000);
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => {
      const spent = (await eventsRepo.all()).filter((e) => e.type === 'time-spent');
      expect(spent.map((e) => (e.payload as { ms: number }).ms)).toEqual([3 * 60_000]);
    });
    now.mockRestore();
  });
});
