// Confidence, measured, in Chromium over the real build and server: a learner rates the module's
// statements before the first lesson, completes every lesson, rates them again, and sees the change on
// the module page and in the CPD record. Each screen with the question on it is checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/accessibility';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { serverAndDevicePerFile } from './helpers/server-and-device';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

async function rateAll(page: Page, region: string, label: string): Promise<void> {
  const survey = page.getByRole('region', { name: region });
  for (const group of await survey.getByRole('group').all()) {
    await group.getByRole('radio', { name: label }).check();
  }
  await survey.getByRole('button', { name: 'Save my answers' }).click();
}

describe('confidence before and after a module, in Chromium', () => {
  it('asks at the start and the end, and the record shows the change', async () => {
    const catalog = builtCatalog();
    const module = catalog.modules
      .filter((m) => (m.confidence?.length ?? 0) >= 3)
      .reduce((a, b) => (b.lessons.length < a.lessons.length ? b : a));
    const page = await device.context.newPage();

    await page.goto(`${server.url}/modules/${module.id}`);
    await page.getByRole('heading', { level: 1, name: module.title }).waitFor();
    const before = 'Before you start: how confident do you feel?';
    await page.getByRole('region', { name: before }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await rateAll(page, before, '2 – Slightly confident');
    await page.getByText('Your confidence at the start: 2.0 out of 5 on average.').waitFor();
    expect(await page.getByRole('region', { name: before }).count()).toBe(0);

    for (const lesson of module.lessons) {
      await page.goto(`${server.url}/modules/${module.id}/${lesson.id}`);
      await page.getByRole('button', { name: 'Mark complete' }).click();
      await page.getByText('You completed this lesson').waitFor();
    }

    await page.goto(`${server.url}/modules/${module.id}`);
    const after = 'You have finished: how confident do you feel now?';
    await page.getByRole('region', { name: after }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await rateAll(page, after, '4 – Confident');
    await page
      .getByText('Your confidence: 2.0 out of 5 at the start, 4.0 out of 5 at the end (up 2.0).')
      .waitFor();

    await page.getByRole('link', { name: 'See your CPD record' }).click();
    const table = page.getByRole('table', { name: 'Confidence per module, most recent first' });
    const row = table.getByRole('row', { name: new RegExp(module.title.replace(/[()]/g, '.')) });
    await row.waitFor();
    expect(await row.textContent()).toBe(`${module.title}2.0 out of 54.0 out of 5up 2.0`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
