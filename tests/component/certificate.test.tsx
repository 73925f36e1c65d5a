import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { renderApp } from '../helpers/render-app';

async function completeFoundations() {
  await eventsRepo.record(
    'time-spent',
    'foundations-what-sen-means',
    { intervalId: 'i1', ms: 7 * 60_000 },
    new Date('2026-03-02T09:00:00Z'),
  );
  await eventsRepo.record(
    'lesson-completed',
    'foundations-what-sen-means',
    {},
    new Date('2026-03-02T09:10:00Z'),
  );
  await eventsRepo.record(
    'lesson-completed',
    'foundations-sen-support',
    {},
    new Date('2026-03-04T16:00:00Z'),
  );
}

async function saveSettings(body: Record<string, unknown>) {
  await db.docs.put({ id: 'settings', body, rev: 0, dirty: 1, updatedAt: new Date().toISOString() });
}

describe('certificate', () => {
  it('shows the learner, module, lessons, minutes, dates and content version, and prints', async () => {
    await completeFoundations();
    await saveSettings({ textSize: 100, theme: 'system', certificateName: 'Alex Morgan' });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { user } = renderApp('/record/certificate/foundations');

    const certificate = await screen.findByRole('region', { name: 'Certificate' });
    expect(within(certificate).getByText('Alex Morgan')).toBeInTheDocument();
    expect(within(certificate).getByText('Foundations: the SEND Code of Practice')).toBeInTheDocument();
    const facts = Object.fromEntries(
      within(certificate)
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(facts).toEqual({
      Completed: '2 March 2026 to 4 March 2026',
      Lessons: '2',
      'Learning time': '9 minutes planned, 7 minutes spent',
      'Content version': 'fixture-1',
    });
    expect(
      within(within(certificate).getByRole('list', { name: 'Lessons completed' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['What SEN means (2 March 2026)', 'SEN support and EHC plans (4 March 2026)']);

    await user.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('uses the account name when no name is set for certificates, and asks for one when neither exists', async () => {
    await completeFoundations();
    await db.meta.put({ key: 'session', value: { learnerId: 'l1', name: 'Sam Patel' } });
    const first = renderApp('/record/certificate/foundations');
    expect(await screen.findByText('Sam Patel')).toBeInTheDocument();
    first.unmount();

    await db.meta.delete('session');
    renderApp('/record/certificate/foundations');
    expect(await screen.findByText('(name not given)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add it in Settings' })).toHaveAttribute('href', '/settings');
  });

  it('says what is left for a module not yet completed', async () => {
    await eventsRepo.record('lesson-completed', 'foundations-sen-support', {});
    renderApp('/record/certificate/foundations');
    expect(
      await screen.findByText(
        /The certificate is ready once you complete every lesson of this module. You have completed 1 of 2./,
      ),
    ).toBeInTheDocument();
  });
});
