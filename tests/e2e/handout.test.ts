// A lesson's handout in Chromium: reached from the lesson page, printed to PDF (page.pdf uses the print
// stylesheet) it fills exactly one A4 page, and pdftotext (poppler-utils) finds its key points and
// sources but never the facilitator's notes. The lesson tried is the one whose handout carries the most
// text, so every other lesson's fits too. Then axe on the handout in every theme.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoutContent } from '../../src/features/lesson/handout-content';
import type { Lesson, ModuleBundle } from '../../src/shared/content/content-types';
import { axeViolations, chooseTheme, THEMES, waitForTheme } from './helpers/accessibility';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog, distDir } from './helpers/built-course';

let server: AppServer;
let device: Device;

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

function handoutLength(lesson: Lesson): number {
  const h = handoutContent(lesson);
  return [
    ...h.keyPoints.map((p) => p.title + p.html),
    ...h.objectives,
    ...h.tries.map((t) => t.title + t.html),
    ...h.prompts,
    ...h.sources.map((s) => `${s.document} ${s.publisher} ${s.url ?? ''}`),
  ]
    .map(text)
    .join(' ').length;
}

const catalog = builtCatalog();
const lessons = catalog.modules.flatMap((m) => {
  const bundle = JSON.parse(readFileSync(join(distDir, 'content', m.file), 'utf8')) as ModuleBundle;
  return bundle.lessons;
});
const longest = lessons.reduce((a, b) => (handoutLength(b) > handoutLength(a) ? b : a));
const handoutPath = `/handout/${longest.moduleId}/${longest.id}`;

beforeAll(async () => {
  server = await startAppServer();
  device = await openDevice();
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

describe('handout in Chromium', () => {
  it('prints the longest handout of the course on exactly one A4 page, with its key points and sources', async () => {
    const page = await device.context.newPage();
    await page.goto(`${server.url}/modules/${longest.moduleId}/${longest.id}`);
    await page.getByRole('link', { name: 'Print a handout' }).click();
    await page.getByRole('region', { name: 'Key points' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(handoutPath);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'pocket-cpd-handout-'));
    try {
      const file = join(dir, 'handout.pdf');
      writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:.*\(A4\)/);
      const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      const handout = handoutContent(longest);
      expect(printed).toContain(longest.title);
      for (const point of handout.keyPoints) expect(printed).toContain(text(point.html).slice(0, 60));
      for (const objective of handout.objectives) expect(printed).toContain(objective);
      for (const source of handout.sources) expect(printed).toContain(source.document);
      for (const block of longest.blocks) {
        if (block.type === 'facilitator') expect(printed).not.toContain(text(block.html).slice(0, 40));
      }
      // The print stylesheet hides the app around the handout.
      expect(printed).not.toContain('Print handout');
      expect(printed).not.toContain('Skip to main content');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.close();
    }
  });
});

describe('handout accessibility', () => {
  let page: Page;
  beforeAll(async () => {
    page = await device.context.newPage();
  });
  afterAll(async () => {
    await page?.close();
  });

  it.each(THEMES)('has no axe violations in the $name theme', async (theme) => {
    await chooseTheme(page, server.url, theme);
    await page.goto(`${server.url}${handoutPath}`);
    await page.getByRole('region', { name: 'Key points' }).waitFor();
    await page.waitForLoadState('networkidle');
    await waitForTheme(page, theme);
    expect(await axeViolations(page)).toEqual([]);
  });
});
