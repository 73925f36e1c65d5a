// What ships: runs after `vite build` (npm test builds first) and reads dist/ as a browser would get it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_KB, initialJs } from '../../scripts/size.mjs';

const dist = 'dist';

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [relative(dist, path)];
  });
}

function precacheUrls(): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]);
}

describe('the built app', () => {
  it('precaches the shell, catalogue, manifest and icons, each once', () => {
    const urls = precacheUrls();
    for (const url of ['index.html', 'content/catalog.json', 'manifest.webmanifest', 'icons/icon-192.png']) {
      expect(
        urls.filter((u) => u === url),
        url,
      ).toHaveLength(1);
    }
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.some((u) => u.startsWith('assets/') && u.endsWith('.js'))).toBe(true);
  });

  it('keeps module bundles, source maps and test fixtures out of the precache and dist', () => {
    const urls = precacheUrls();
    expect(urls.filter((u) => u.startsWith('content/modules/'))).toEqual([]);
    const files = allFiles(dist);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.includes('fixtures'))).toEqual([]);
    expect(files.some((f) => f.startsWith('content/modules/') && f.endsWith('.json'))).toBe(true);
  });

  it('has a catalogue listing every compiled module file', () => {
    const catalog = JSON.parse(readFileSync(join(dist, 'content/catalog.json'), 'utf8')) as {
      modules: { id: string; file: string; bytes: number }[];
    };
    expect(catalog.modules.length).toBeGreaterThanOrEqual(2);
    for (const module of catalog.modules) {
      const path = join(dist, 'content', module.file);
      expect(existsSync(path), module.file).toBe(true);
      expect(statSync(path).size).toBe(module.bytes);
    }
  });

  it(`keeps the JavaScript for the first screen within ${BUDGET_KB} KB gzipped`, () => {
    const files = initialJs(dist);
    const totalKb = files.reduce((sum, f) => sum + f.gzipBytes, 0) / 1024;
    console.log(`initial JS for /: ${totalKb.toFixed(1)} KB gzipped over ${files.length} files`);
    expect(totalKb).toBeLessThanOrEqual(BUDGET_KB);
  });
});
