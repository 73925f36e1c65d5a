// The course the server reads from the build it serves: a missing, broken or older catalogue is reported
// and the server still starts (static files and sync do not need it); only teams lose what to assign.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourseIndex } from '../../server/teams/course-index';

function distWith(catalog: string | null): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'course-index-'));
  if (catalog !== null) {
    mkdirSync(path.join(dist, 'content'));
    writeFileSync(path.join(dist, 'content', 'catalog.json'), catalog);
  }
  return dist;
}

const module = { id: 'foundations', title: 'Foundations', order: 1, lessons: [{ id: 'f1' }, { id: 'f2' }] };

describe('the course read from the build', () => {
  it.each([
    ['no build', null, 0, 0, /no course catalogue/],
    ['a catalogue that is not JSON', '{"modules": [', 0, 0, /is not JSON/],
    ['a catalogue without modules', '{"version": "v1"}', 0, 0, /lists no modules/],
    ['a catalogue from before pathways', JSON.stringify({ version: 'v1', modules: [module] }), 1, 0, null],
    [
      'modules named without their lessons',
      JSON.stringify({ modules: [{ id: 'foundations' }, {}] }),
      1,
      0,
      null,
    ],
    [
      'a whole catalogue, a pathway naming a module the build no longer has',
      JSON.stringify({
        version: 'v1',
        modules: [module],
        pathways: [{ role: 'ta', title: 'Teaching assistants', modules: ['foundations', 'gone'] }],
      }),
      1,
      1,
      null,
    ],
  ])('%s', (_name, catalog, modules, pathways, warning) => {
    const warnings: string[] = [];
    const course = loadCourseIndex(distWith(catalog), (message) => warnings.push(message));
    expect(course.modules.size).toBe(modules);
    expect(course.pathways.size).toBe(pathways);
    if (warning) expect(warnings).toEqual([expect.stringMatching(warning)]);
    else expect(warnings).toEqual([]);
    if (pathways > 0) expect(course.pathways.get('ta')?.moduleIds).toEqual(['foundations']);
    if (catalog?.includes('"f2"')) expect(course.lessonModule.get('f2')).toBe('foundations');
  });
});
