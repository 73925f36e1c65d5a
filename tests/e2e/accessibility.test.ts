// axe-core on every route of the built app, in every theme (light and dark as the device sets them,
// cream and high contrast as chosen in Settings): zero violations of WCAG 2.2 A and AA rules. The device
// has completed a module first, so the record, its certificate and Today's pathway show real content.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chooseTheme, THEMES, waitForTheme } from './helpers/accessibility';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { completeSmallestModule, smallestModule } from './helpers/completed-module';

let server: AppServer;
let device: Device;

const catalog = builtCatalog();
const smallest = smallestModule();

beforeAll(async () => {
  server = await startAppServer();
  device = await openDevice();
  const page = await device.context.newPage();
  await completeSmallestModule(page, server.url);
  await page.close();
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

type Route = { path: string; prepare?: (page: Page) => Promise<void> };

function routes(): Route[] {
  const module = catalog.modules[0];
  return [
    {
      path: '/',
      // The slot planner's plan is part of Today once a slot is chosen.
      prepare: async (page) => {
        await page.getByRole('radio', { name: '10 minutes' }).check();
        await page.getByRole('list', { name: 'Plan for 10 minutes' }).waitFor();
      },
    },
    { path: '/modules' },
    // Never started: the module page asks how confident the learner feels before the first lesson.
    { path: `/modules/${module.id}` },
    // Every lesson complete: it asks again, after the last lesson.
    {
      path: `/modules/${smallest.id}`,
      prepare: async (page) => {
        await page
          .getByRole('region', { name: 'You have finished: how confident do you feel now?' })
          .waitFor();
      },
    },
    { path: `/modules/${module.id}/${module.lessons[0].id}` },
    { path: `/modules/${smallest.id}/${smallest.lessons[0].id}` },
    { path: '/record' },
    { path: `/record/certificate/${smallest.id}` },
    { path: '/refresh' },
    { path: '/settings' },
    { path: '/settings/sync' },
    { path: '/settings/sync/forgot' },
    { path: '/reset-password' },
    { path: '/settings/my-data' },
    { path: '/settings/people' },
    { path: '/search?q=EHC%20plan' },
    { path: '/modules/no-such-module' },
    { path: '/no-such-page' },
  ];
}

describe.each(THEMES)('accessibility in the $name theme', (theme) => {
  // One tab per theme, reused route after route: opening a tab each time costs more than axe itself.
  let page: Page;
  beforeAll(async () => {
    page = await device.context.newPage();
    await chooseTheme(page, server.url, theme);
  });
  afterAll(async () => {
    await page?.close();
  });

  it.each(routes())('$path has no axe violations', async ({ path, prepare }) => {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await waitForTheme(page, theme);
    await prepare?.(page);
    expect(await axeViolations(page)).toEqual([]);
  });
});
