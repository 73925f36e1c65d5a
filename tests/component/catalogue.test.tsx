import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { eventsRepo } from '../../src/db/events-repo';
import { metaRepo } from '../../src/db/meta-repo';
import { renderApp } from '../helpers/render-app';

const moduleHeadings = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('catalogue', () => {
  it('lists every module with its summary, lessons, minutes and done marks', async () => {
    await eventsRepo.record('lesson-completed', 'foundations-sen-support', {});
    renderApp('/modules');
    expect(await screen.findByText('Showing 3 of 3 modules')).toBeInTheDocument();
    expect(moduleHeadings()).toEqual([
      'Foundations: the SEND Code of Practice',
      'Speech, language and DLD',
      'Early years',
    ]);
    const lessons = screen.getByRole('list', { name: 'Lessons in Foundations: the SEND Code of Practice' });
    const items = within(lessons).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('What SEN means5 minutes · ○ Not started');
    expect(items[1]).toHaveTextContent('SEN support and EHC plans4 minutes · ✓ Done');
    expect(screen.getByText('What the law and the Code ask of every member of staff.')).toBeInTheDocument();
  });

  it('shows the catalogue fetched this session before it is stored (a first visit, or a full disk)', async () => {
    vi.spyOn(metaRepo, 'putCatalog').mockReturnValue(new Promise(() => undefined));
    renderApp('/modules');
    expect(await screen.findByText('Showing 3 of 3 modules')).toBeInTheDocument();
    expect(await metaRepo.getCatalog()).toBeNull();
  });

  it('filters by role (modules for all staff suit every role) and keeps the filter in the URL', async () => {
    const { user, location } = renderApp('/modules');
    await screen.findByText('Showing 3 of 3 modules');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Early years practitioner');
    expect(await screen.findByText('Showing 2 of 3 modules')).toBeInTheDocument();
    expect(moduleHeadings()).toEqual(['Foundations: the SEND Code of Practice', 'Early years']);
    expect(location.current?.search).toBe('?role=early-years');
  });

  it('filters by area of need, and reads both filters from the URL', async () => {
    const { user } = renderApp('/modules?role=ta');
    expect(await screen.findByText('Showing 2 of 3 modules')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveValue('ta');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Area of need' }),
      'Communication and interaction',
    );
    expect(await screen.findByText('Showing 1 of 3 modules')).toBeInTheDocument();
    expect(moduleHeadings()).toEqual(['Speech, language and DLD']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Any role');
    expect(await screen.findByText('Showing 1 of 3 modules')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Area of need' }), 'Sensory and physical');
    expect(await screen.findByText(/No module matches both filters/)).toBeInTheDocument();
  });

  it('shows a module with its lessons in order and its progress', async () => {
    await eventsRepo.record('lesson-opened', 'foundations-what-sen-means', {});
    await eventsRepo.record('lesson-completed', 'foundations-sen-support', {});
    renderApp('/modules/foundations');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Foundations: the SEND Code of Practice' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('This module: 1 of 2 lessons done (50%)')).toBeInTheDocument();
    const lessons = within(screen.getByRole('list', { name: 'Lessons' })).getAllByRole('listitem');
    expect(lessons[0]).toHaveTextContent('What SEN means5 minutes · ◐ In progress');
    expect(lessons[1]).toHaveTextContent('SEN support and EHC plans4 minutes · ✓ Done');
  });
});
