import { describe, expect, it } from 'vitest';
import { quotaAdvice } from '../../../src/downloads/quota-advice';
import { staleDownloads } from '../../../src/downloads/stale-downloads';
import { lessonUpdated } from '../../../src/features/module/lesson-updated';
import { formatBytes } from '../../../src/lib/text/format-bytes';
import type { Catalog, CatalogModule } from '../../../src/shared/content/content-types';
import type { LessonProgress } from '../../../src/shared/progress/progress';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1000, '1 KB'],
    [31_499, '31 KB'],
    [1_250_000, '1.3 MB'],
    [2_000_000_000, '2.0 GB'],
  ])('%i → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('quotaAdvice', () => {
  const wanted = { id: 'a', title: 'Autism', bytes: 30_000 };
  it.each([
    ['nothing else held', [], ['Free up space on the device'], ['Remove a download']],
    [
      'names the largest other downloads, at most two',
      [
        { id: 'b', title: 'Hearing', bytes: 10_000 },
        { id: 'c', title: 'Vision', bytes: 40_000 },
        { id: 'd', title: 'Early years', bytes: 20_000 },
      ],
      ['such as “Vision” (40 KB) or “Early years” (20 KB)', 'under Storage in Settings'],
      ['Hearing'],
    ],
    [
      'never suggests removing the module being downloaded',
      [
        { id: 'a', title: 'Autism', bytes: 90_000 },
        { id: 'b', title: 'Hearing', bytes: 10_000 },
      ],
      ['such as “Hearing” (10 KB)'],
      ['such as “Autism”'],
    ],
  ])('%s', (_name, held, contains, lacks) => {
    const text = quotaAdvice(wanted, held);
    expect(text).toContain('download “Autism” (30 KB)');
    expect(text).toContain('Your progress, notes and earlier downloads are safe.');
    for (const part of contains) expect(text).toContain(part);
    for (const part of lacks) expect(text).not.toContain(part);
  });
});

describe('staleDownloads', () => {
  const mod = (id: string, hash: string) => ({ id, hash }) as CatalogModule;
  const catalog = {
    version: 'v',
    pathways: [],
    modules: [mod('a', 'a2'), mod('b', 'b1'), mod('c', 'c1')],
  } as Catalog;
  it.each([
    ['nothing held', [], []],
    ['held and current', [{ id: 'b', downloadedHash: 'b1' }], []],
    ['held with an older hash', [{ id: 'a', downloadedHash: 'a1' }], ['a']],
    ['a module row without a download', [{ id: 'c' }], []],
    ['a module gone from the course is left alone', [{ id: 'z', downloadedHash: 'z1' }], []],
    [
      'several',
      [
        { id: 'a', downloadedHash: 'a1' },
        { id: 'b', downloadedHash: 'b0' },
      ],
      ['a', 'b'],
    ],
  ])('%s', (_name, held, ids) => {
    expect(staleDownloads(catalog, held).map((m) => m.id)).toEqual(ids);
  });
});

describe('lessonUpdated', () => {
  const progress = (lastOpenedAt?: string) =>
    ({
      lessonId: 'l',
      completed: false,
      furthestSection: -1,
      checks: {},
      msSpent: 0,
      lastOpenedAt,
    }) as LessonProgress;
  it.each([
    ['no change', undefined, progress('2026-01-02T00:00:00Z'), false],
    ['changed, never opened', '2026-01-03T00:00:00Z', undefined, false],
    ['changed after the last opening', '2026-01-03T00:00:00Z', progress('2026-01-02T00:00:00Z'), true],
    ['opened again since the change', '2026-01-03T00:00:00Z', progress('2026-01-04T00:00:00Z'), false],
  ])('%s', (_name, changedAt, lessonProgress, expected) => {
    expect(lessonUpdated(changedAt, lessonProgress)).toBe(expected);
  });
});
