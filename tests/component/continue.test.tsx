import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { renderApp } from '../helpers/render-app';

describe('the “Continue learning” shortcut (/continue)', () => {
  it('opens the lesson in progress at its saved section', async () => {
    await eventsRepo.record('lesson-opened', 'foundations-what-sen-means', {});
    await eventsRepo.record('section-reached', 'foundations-what-sen-means', {
      sectionId: 'additional-or-different',
      index: 1,
    });
    await db.docs.put({
      id: 'position:foundations-what-sen-means',
      body: { sectionId: 'additional-or-different', index: 1, hlc: 'x', deviceId: 'd', updatedAt: '' },
      rev: 0,
      dirty: 1,
      updatedAt: new Date().toISOString(),
    });
    const { location } = renderApp('/continue');
    await waitFor(() =>
      expect(location.current?.pathname).toBe('/modules/foundations/foundations-what-sen-means'),
    );
    const heading = await screen.findByRole('heading', { level: 2, name: 'Additional or different' });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('opens Today when no lesson is in progress', async () => {
    const { location } = renderApp('/continue');
    await waitFor(() => expect(location.current?.pathname).toBe('/'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
  });
});
