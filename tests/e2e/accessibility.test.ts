// axe-core on every route of the built app, in the light and the dark theme: zero violations of
// WCAG 2.2 A and AA rules.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';

let server: AppServer;
let device: Device;

beforeAll(async () => {
  server = await startAppServer();
  device = await openDevice();
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

function routes(): string[] {
  const module = builtCatalog().modules[0];
  return [
    '/',
    '/modules',
    `/modules/${module.id}`,
    `/modules/${module.id}/${module.lessons[0].id}`,
    '/record',
    '/settings',
    '/modules/no-such-module',
    '/no-such-page',
  ];
}

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (scheme) => {
  it.each(routes())('%s has no axe violations', async (route) => {
    const page = await device.context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${server.url}${route}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(summary).toEqual([]);
    await page.close();
  });
});
