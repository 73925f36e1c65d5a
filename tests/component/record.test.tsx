import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { metaRepo } from '../../src/db/meta-repo';
import { modulesRepo } from '../../src/db/modules-repo';
import { fixtureBundles, fixtureCatalog } from '../helpers/fixture-course';
import { offline, renderApp } from '../helpers/render-app';

async function seedRecord() {
  const module = fixtureCatalog.modules.find((m) => m.id === 'foundations');
  if (!module) throw new Error('fixture');
  await modulesRepo.storeBundle(module, fixtureBundles[module.file]);
  await eventsRepo.record(
    'time-spent',
    'foundations-what-sen-means',
    { intervalId: 'i1', ms: 6 * 60_000 },
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
  await eventsRepo.record(
    'refresher-answered',
    'foundations-sen-support',
    { checkId: 'cycle', optionIds: ['assess', 'plan'], correct: true },
    new Date('2026-04-10T12:00:00Z'),
  );
  await db.docs.put({
    id: 'note:foundations-what-sen-means:my-pupil',
    body: { text: '=Sam needs, "visual" timetables' },
    rev: 0,
    dirty: 1,
    updatedAt: '2026-03-02T09:05:00.000Z',
  });
}

describe('CPD record', () => {
  it('works offline on a device that never loaded the catalogue, listing lessons by id', async () => {
    await seedRecord();
    renderApp('/record', offline);
    expect(await screen.findByText('2 lessons completed, 0 minutes of learning.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Completed lessons, newest first' });
    expect(within(table).getByRole('row', { name: /foundations-what-sen-means/ })).toHaveTextContent(
      'No longer in the course',
    );
  });

  it('shows the whole record and downloads it as CSV with a byte order mark', async () => {
    await seedRecord();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:record';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = renderApp('/record');

    expect(await screen.findByText('2 lessons completed, 9 minutes of learning.')).toBeInTheDocument();
    expect(screen.getByText('Minutes planned: 9; time spent: 6 minutes')).toBeInTheDocument();
    expect(screen.getByText('Refreshers answered: 1 (1 correct)')).toBeInTheDocument();
    expect(screen.getByText('Reflections written: 1')).toBeInTheDocument();
    const modules = screen.getByRole('region', { name: 'Modules completed' });
    expect(
      within(modules).getByRole('link', { name: 'Certificate: Foundations: the SEND Code of Practice' }),
    ).toHaveAttribute('href', '/record/certificate/foundations');
    const table = screen.getByRole('table', { name: 'Completed lessons, newest first' });
    expect(within(table).getByRole('row', { name: /What SEN means/ })).toHaveTextContent(
      '2 March 2026What SEN meansFoundations: the SEND Code of Practice56 minutes',
    );
    expect(screen.getByRole('region', { name: 'Refreshers' })).toHaveTextContent(
      '10 April 2026: a question from “SEN support and EHC plans”, answered correctly',
    );
    expect(screen.getByRole('region', { name: 'Reflections' })).toHaveTextContent(
      '=Sam needs, "visual" timetables',
    );

    const download = screen.getByRole('button', { name: 'Download CSV' });
    // It waits for the learner's stored choice about reflections (unticked here: never chosen).
    await waitFor(() => expect(download).toBeEnabled());
    expect(screen.getByRole('checkbox', { name: 'Include my reflections' })).not.toBeChecked();
    await user.click(download);
    expect(click).toHaveBeenCalledOnce();
    expect(blobs).toHaveLength(1);
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv.split('\r\n')).toEqual([
      'Type,Date,Module,Lesson,Minutes planned,Time spent (minutes),Details,Confidence at the start,Confidence at the end,Confidence change,What I did,What I will change,Evidence of impact',
      'Lesson completed,2026-03-02,Foundations: the SEND Code of Practice,What SEN means,5,6,,,,,"Studied the lesson “What SEN means” (Foundations: the SEND Code of Practice), 5 minutes planned, 6 minutes spent",,',
      'Lesson completed,2026-03-04,Foundations: the SEND Code of Practice,SEN support and EHC plans,4,,,,,,"Studied the lesson “SEN support and EHC plans” (Foundations: the SEND Code of Practice), 4 minutes planned",,',
      'Refresher,2026-04-10,Foundations: the SEND Code of Practice,SEN support and EHC plans,,,Correct,,,,,,',
      '',
    ]);
  });
});

describe('CPD record reflections', () => {
  it('lists a note synced from another device even when its lesson is not downloaded here', async () => {
    await db.docs.put({
      id: 'note:foundations-sen-support:next-step',
      body: { text: 'Ask the SENCO about the support plan' },
      rev: 3,
      dirty: 0,
      updatedAt: '2026-05-01T10:00:00.000Z',
    });
    renderApp('/record');
    expect(await screen.findByText('Reflections written: 1')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Reflections' })).toHaveTextContent(
      'Ask the SENCO about the support plan',
    );
  });
});

describe('CPD record: the choice to include reflections', () => {
  /** The fixture course with its one reflection prompt tagged as asking what the learner will change. */
  const tagged = {
    ...fixtureCatalog,
    modules: fixtureCatalog.modules.map((m) => ({
      ...m,
      lessons: m.lessons.map((l) =>
        l.id === 'foundations-what-sen-means' ? { ...l, reflectLog: { 'my-pupil': 'change' as const } } : l,
      ),
    })),
  };

  function captureCsv() {
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return 'blob:record';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    return async (n: number) => (await files[n]?.text()) ?? '';
  }

  it('leaves every note out until the learner ticks it, then fills the reflection rows and the log column, and remembers', async () => {
    await seedRecord();
    await metaRepo.putCatalog(tagged);
    const csv = captureCsv();
    const first = renderApp('/record', offline);

    const box = await screen.findByRole('checkbox', { name: 'Include my reflections' });
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(
      'Adds the notes you wrote to reflection prompts: each as a row of its own, and your answers about what you will change and the impact it had in those columns of the lesson or session. Left unticked, the file has none of your notes.',
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download CSV' })).toBeEnabled());
    await first.user.click(screen.getByRole('button', { name: 'Download CSV' }));
    const without = await csv(0);
    expect(without).toContain('Lesson completed,2026-03-02');
    expect(without).not.toContain('Sam needs');
    expect(without).not.toContain('Reflection,');

    await first.user.click(box);
    expect(box).toBeChecked();
    await first.user.click(screen.getByRole('button', { name: 'Download CSV' }));
    const rows = (await csv(1)).split('\r\n');
    // The note answers a prompt tagged "change": it is in What I will change on its lesson's row…
    expect(rows[1]).toBe(
      `Lesson completed,2026-03-02,Foundations: the SEND Code of Practice,What SEN means,5,6,,,,,"Studied the lesson “What SEN means” (Foundations: the SEND Code of Practice), 5 minutes planned, 6 minutes spent","'=Sam needs, ""visual"" timetables",`,
    );
    // …and in its own Reflection row, defused as a formula in both places.
    expect(rows).toContain(
      `Reflection,2026-03-02,Foundations: the SEND Code of Practice,What SEN means,,,"'=Sam needs, ""visual"" timetables",,,,,,`,
    );
    await waitFor(async () => expect(await metaRepo.get('recordCsvReflections')).toBe(true));
    first.unmount();

    renderApp('/record', offline);
    const again = await screen.findByRole('checkbox', { name: 'Include my reflections' });
    // Never shown unticked while the choice is read: the box waits, disabled, until it is known.
    expect(again.matches(':disabled') || (again as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(again).toBeChecked());
    expect(again).toBeEnabled();
  });
});
