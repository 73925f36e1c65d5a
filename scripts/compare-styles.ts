// `npx tsx scripts/compare-styles.ts <dist-before> <dist-after>`: shows whether a change to the stylesheets
// changed how anything looks. Serves each build with the real server, walks the same screens in Chromium
// (screen and print), and compares `getComputedStyle` of every element, all properties but sizes and
// offsets (a text that wraps differently is not a style change). Prints each differing element with its
// changed properties and exits 1 if there is one; an element only one walk shows is listed, not failed.
// Build both first (`npx vite build --outDir <dir>`); the course in dist/ (or E2E_DIST) names the module
// and lesson screens walked. Not part of `npm test`: it takes a few minutes.
import type { Page } from 'playwright-core';
import { startAppServer } from '../tests/e2e/helpers/app-server';
import { openDevice } from '../tests/e2e/helpers/browser';
import { builtCatalog } from '../tests/e2e/helpers/built-course';
import { completeSmallestModule, smallestModule } from '../tests/e2e/helpers/completed-module';

type Screen = { path: string; print?: boolean };
type Snapshot = Record<string, string[]>;

// Sent as text: tsx's helpers for named functions do not exist in the page. Each element is named by its
// chain of tags and classes from <body> and how many before it had that chain.
const ELEMENT_STYLES = `(() => {
  const rows = [];
  const seen = new Map();
  const skip = /^(width|height|inline-size|block-size|inset|top|bottom|left|right|perspective-origin|transform-origin)$/;
  const walk = (el, parent) => {
    const style = getComputedStyle(el);
    const props = [];
    for (let i = 0; i < style.length; i++) {
      if (!skip.test(style[i])) props.push(style[i] + ':' + style.getPropertyValue(style[i]));
    }
    const classes = (el.getAttribute('class') ?? '').trim().split(/\\s+/).filter(Boolean);
    const chain = parent + ' > ' + [el.tagName.toLowerCase(), ...classes].join('.');
    const nth = (seen.get(chain) ?? 0) + 1;
    seen.set(chain, nth);
    rows.push(chain + ' #' + nth + '\\n' + props.sort().join('\\n'));
    for (const child of el.children) walk(child, chain);
  };
  walk(document.body, '');
  return rows;
})()`;

function screens(): Screen[] {
  const catalog = builtCatalog();
  const module = catalog.modules[0];
  const lesson = `${module.id}/${module.lessons[0]?.id}`;
  const smallest = smallestModule();
  return [
    { path: '/' },
    { path: '/modules' },
    { path: `/modules/${module.id}` },
    { path: `/modules/${lesson}` },
    { path: '/record' },
    { path: `/record/certificate/${smallest.id}` },
    { path: `/record/certificate/${smallest.id}`, print: true },
    { path: `/handout/${lesson}` },
    { path: `/handout/${lesson}`, print: true },
    { path: '/search?q=sensory' },
    { path: '/settings' },
    { path: '/settings/sync' },
    { path: '/settings/sync/forgot' },
    { path: '/settings/my-data' },
    { path: '/settings/people' },
    { path: '/refresh' },
    { path: '/verify/ABCD-EFGH-JKLM' },
    { path: '/attend' },
    { path: `/present/${module.id}` },
    { path: '/no-such-page' },
  ];
}

/** The styles once two readings 300 ms apart agree: some screens fill in after the network is idle. */
async function snapshot(page: Page, out: Snapshot, key: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  let last = '';
  for (let reading = 0; reading < 20; reading++) {
    await page.waitForTimeout(300);
    const rows = (await page.evaluate(ELEMENT_STYLES)) as string[];
    out[key] = rows;
    const joined = rows.join('\n\n');
    if (joined === last) return;
    last = joined;
  }
  console.log(`${key}: still changing after 20 readings`);
}

/** The same device history on each build: a name, one module completed, then an account made. */
async function walk(dist: string): Promise<Snapshot> {
  const server = await startAppServer({ DIST_DIR: dist });
  const device = await openDevice();
  const out: Snapshot = {};
  try {
    const page = await device.context.newPage();
    await completeSmallestModule(page, server.url);
    for (const screen of screens()) {
      await page.emulateMedia({ media: screen.print ? 'print' : 'screen' });
      await page.goto(`${server.url}${screen.path}`);
      // Attached, not visible: in print some headings are hidden.
      await page.locator('h1').first().waitFor({ state: 'attached' });
      await snapshot(page, out, `${screen.path}${screen.print ? ' [print]' : ''}`);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.url}/settings/sync`);
    const form = page.locator('form.account-form');
    await form.getByRole('textbox', { name: 'Email' }).fill('robin@example.org');
    await form.getByRole('textbox', { name: 'Display name' }).fill('Robin Ali');
    await form.getByLabel('Password').fill('a long enough sentence for a password');
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    await snapshot(page, out, 'recovery codes');
    await page.emulateMedia({ media: 'print' });
    await snapshot(page, out, 'recovery codes [print]');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'I have kept my codes' }).click();
    await page.getByText(/^Signed in as/).waitFor();
    await snapshot(page, out, 'signed in');
  } finally {
    await device.close();
    await server.stop();
  }
  return out;
}

function styles(row: string): { element: string; props: Map<string, string> } {
  const [element = '', ...lines] = row.split('\n');
  return { element, props: new Map(lines.map((line) => [line.slice(0, line.indexOf(':')), line])) };
}

/**
 * Matched by name, so an element that only one walk shows (a line that arrived later: content, not style)
 * is listed apart and does not shift the rest. `changed`: matched elements whose styles differ, each
 * followed by its differing properties; `unmatched`: elements only one side has.
 */
export function compareSnapshots(
  before: Snapshot,
  after: Snapshot,
): { changed: string[]; unmatched: string[] } {
  const changed: string[] = [];
  const unmatched: string[] = [];
  const byElement = (rows: string[]) =>
    new Map(rows.map((row) => styles(row)).map(({ element, props }) => [element, props]));
  for (const [key, rows] of Object.entries(before)) {
    const a = byElement(rows);
    const b = byElement(after[key] ?? []);
    for (const [element, props] of a) {
      const other = b.get(element);
      if (!other) {
        unmatched.push(`${key} before only: ${element}`);
        continue;
      }
      const names = [...new Set([...props.keys(), ...other.keys()])];
      const differing = names.filter((name) => props.get(name) !== other.get(name));
      if (differing.length === 0) continue;
      changed.push(`${key} ${element}`);
      for (const name of differing)
        changed.push(`    ${props.get(name) ?? '-'}  ->  ${other.get(name) ?? '-'}`);
    }
    for (const element of b.keys()) if (!a.has(element)) unmatched.push(`${key} after only: ${element}`);
  }
  return { changed, unmatched };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [beforeDist, afterDist] = process.argv.slice(2);
  if (!beforeDist || !afterDist) {
    console.error('usage: npx tsx scripts/compare-styles.ts <dist-before> <dist-after>');
    process.exit(2);
  }
  const before = await walk(beforeDist);
  const after = await walk(afterDist);
  const elements = Object.values(before).reduce((sum, rows) => sum + rows.length, 0);
  const { changed, unmatched } = compareSnapshots(before, after);
  for (const line of [...unmatched, ...changed]) console.log(line);
  const styled = changed.filter((line) => !line.startsWith(' ')).length;
  console.log(
    `${Object.keys(before).length} screens, ${elements} elements: ${styled} with other styles, ` +
      `${unmatched.length} shown on one side only`,
  );
  process.exit(styled > 0 ? 1 : 0);
}
