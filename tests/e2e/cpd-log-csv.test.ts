// The CPD log columns in a real browser, on the built course: a learner writes a note to a prompt the
// course tags as asking what they will change, completes the lesson, and downloads the record from /record.
// Unticked, the file has no word of the note; ticked, the note is in "What I will change" on the lesson's
// row. The record page with the choice passes axe in every theme.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RECORD_CSV_HEADER } from '../../src/shared/progress/record-csv';
import { axeViolations, chooseTheme, THEMES, waitForTheme } from './helpers/accessibility';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { builtCatalog, builtLesson } from './helpers/built-course';
import { serverAndDevicePerFile } from './helpers/server-and-device';
import { LessonPage } from './pages/lesson-page';
import { ReflectNote } from './pages/reflect-note';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

const NOTE = 'Visual timetable by the door, and I will check it each morning';

/** A lesson of the built course whose first reflection prompt is tagged "change". */
function taggedLesson() {
  for (const module of builtCatalog().modules)
    for (const entry of module.lessons) {
      const first = builtLesson(module.id, entry.id).blocks.find((b) => b.type === 'reflect');
      if (first?.type === 'reflect' && entry.reflectLog?.[first.id] === 'change') return { module, entry };
    }
  throw new Error('no lesson in dist whose first reflection prompt is tagged log=change');
}

async function downloadCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  return readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
}

describe('the record’s CSV for a CPD log', () => {
  it('leaves the note out until the learner ticks Include my reflections, then puts it in What I will change', async () => {
    const { module, entry } = taggedLesson();
    const page = await device.context.newPage();
    await page.goto(`${server.url}/modules/${module.id}/${entry.id}`);
    const reader = new LessonPage(page);
    await expect.poll(() => reader.heading(entry.title).isVisible()).toBe(true);
    const note = new ReflectNote(page);
    await expect.poll(() => note.field().isEnabled()).toBe(true);
    await note.write(NOTE);
    await expect.poll(() => note.status()).toContain('Saved');
    await reader.markComplete();
    await expect.poll(() => reader.completedNotice().isVisible()).toBe(true);

    await page.goto(`${server.url}/record`);
    const box = page.getByRole('checkbox', { name: 'Include my reflections' });
    await expect.poll(() => box.isEnabled()).toBe(true);
    expect(await box.isChecked()).toBe(false);
    const without = await downloadCsv(page);
    expect(without).toContain(entry.title);
    expect(without).not.toContain('Visual timetable');

    await box.check();
    const rows = (await downloadCsv(page)).split('\r\n');
    expect(rows[0]).toBe(RECORD_CSV_HEADER.join(','));
    const lessonRow = rows.find((r) => r.startsWith('Lesson completed,'));
    expect(lessonRow).toContain(`Studied the lesson “${entry.title}”`);
    expect(lessonRow?.endsWith(`,"${NOTE}",`)).toBe(true);
    expect(rows.some((r) => r.startsWith('Reflection,') && r.includes(NOTE))).toBe(true);

    // Remembered on this device: the next visit finds it ticked.
    await page.reload();
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.close();
  });

  // On the same device as the test above, whose completed lesson makes the record show the choice.
  it.each(THEMES)(
    'the record page with the choice has no axe violations in the $name theme',
    async (theme) => {
      const page = await device.context.newPage();
      await chooseTheme(page, server.url, theme);
      await page.goto(`${server.url}/record`);
      await page.getByRole('checkbox', { name: 'Include my reflections' }).waitFor();
      await waitForTheme(page, theme);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
