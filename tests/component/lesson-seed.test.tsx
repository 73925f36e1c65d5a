// A lesson page rendered at build time is adopted with the seed it was rendered from (src/main.tsx): the
// app's first render must show that lesson from the seed alone, before the device has a course or a
// connection, and add the learner's own progress once it is read.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { fixtureCatalog, fixtureSeed } from '../helpers/fixture-course';
import { offline, renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';

describe('a lesson page rendered at build time', () => {
  const seed = fixtureSeed('foundations', 'foundations-what-sen-means');

  it('shows its lesson from the seed, with no course on the device and no connection', async () => {
    renderApp(LESSON, offline, { seed });
    expect(await screen.findByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: seed.module.title })).toHaveAttribute(
      'href',
      '/modules/foundations',
    );
    expect(screen.getByRole('button', { name: 'Mark complete' })).toBeInTheDocument();
    expect(screen.queryByText(/needs a connection/i)).not.toBeInTheDocument();
    expect(await db.lessons.count()).toBe(0);
  });

  it('adds the learner’s progress once their events are read', async () => {
    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
    renderApp(LESSON, offline, { seed });
    expect(await screen.findByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    expect(await screen.findByText(/You completed this lesson/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark complete' })).not.toBeInTheDocument();
  });

  it('still stores the lesson’s module for offline use when online', async () => {
    renderApp(LESSON, undefined, { seed });
    await screen.findByRole('heading', { level: 1, name: 'What SEN means' });
    await waitFor(async () => expect(await db.modules.get('foundations')).toBeDefined());
    expect(await db.lessons.get('foundations-what-sen-means')).toBeDefined();
  });

  it('keeps its own lesson over an older copy stored on the device', async () => {
    await db.lessons.put({ ...seed.lesson, title: 'What SEN meant last year', hash: 'older' });
    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
    renderApp(LESSON, offline, { seed });
    // Once the events (read alongside the stored copy) are in, the seed's lesson is still the one shown.
    expect(await screen.findByText(/You completed this lesson/)).toBeInTheDocument();
    expect(await db.lessons.get('foundations-what-sen-means')).toMatchObject({ hash: 'older' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('What SEN means');
    expect(screen.queryByText('What SEN meant last year')).not.toBeInTheDocument();
  });

  it('is not used for another address', async () => {
    const other = fixtureCatalog.modules[0].lessons.find((l) => l.id !== seed.lesson.id);
    if (!other) throw new Error('the fixture course needs two lessons in its first module');
    renderApp(`/modules/${fixtureCatalog.modules[0].id}/${other.id}`, offline, { seed });
    // With no connection and nothing stored, that lesson cannot load: the page says so under its own heading.
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('What SEN means');
    expect(screen.queryByRole('button', { name: 'Mark complete' })).not.toBeInTheDocument();
  });
});
