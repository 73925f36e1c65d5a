import { describe, expect, it } from 'vitest';
import {
  type LessonViewInput,
  lessonView,
  type ReadyLessonView,
} from '../../../src/features/lesson/lesson-view';
import { fixtureBundles, fixtureCatalog } from '../../helpers/fixture-course';

const module = fixtureCatalog.modules.find((m) => m.id === 'foundations');
const lesson = module && fixtureBundles[module.file]?.lessons[0];
const catalogLesson = module?.lessons[0];
if (!module || !lesson || !catalogLesson) throw new Error('the fixture course has a foundations lesson');
const otherLesson = { ...lesson, moduleId: 'early-years' };

const ready: ReadyLessonView = {
  state: 'ready',
  module,
  lesson,
  progress: undefined,
  progressRead: true,
  next: null,
};

/** A lesson the device holds, with its catalogue and events read, online: the page shows it. */
const base: LessonViewInput = {
  moduleId: 'foundations',
  catalog: fixtureCatalog,
  catalogStatus: 'ready',
  module,
  catalogLesson,
  lesson,
  progressRead: true,
  online: true,
  fetchFailed: false,
  ready,
  fromSeed: false,
};

describe('lessonView', () => {
  it.each<{ name: string; input: Partial<LessonViewInput>; view: string; extra?: object }>([
    { name: 'everything known: the lesson', input: {}, view: 'ready' },
    {
      name: 'a build-rendered page shows its seed before the catalogue or events are read',
      input: { fromSeed: true, catalog: undefined, progressRead: false, lesson: undefined },
      view: 'ready',
    },
    {
      name: 'the seed wins even offline with no catalogue that failed to load',
      input: { fromSeed: true, catalog: null, catalogStatus: 'failed', online: false },
      view: 'ready',
    },
    { name: 'catalogue still being read', input: { catalog: undefined }, view: 'loading' },
    { name: 'events still being read', input: { progressRead: false }, view: 'loading' },
    { name: 'stored lesson still being read', input: { lesson: undefined }, view: 'loading' },
    {
      name: 'no catalogue on the device and it failed to load, online',
      input: { catalog: null, catalogStatus: 'failed', module: undefined, catalogLesson: undefined },
      view: 'unavailable',
    },
    {
      name: 'no catalogue on the device, offline',
      input: {
        catalog: null,
        catalogStatus: 'failed',
        online: false,
        module: undefined,
        catalogLesson: undefined,
      },
      view: 'needs-connection',
      extra: { module: null, title: 'Lesson' },
    },
    {
      name: 'no catalogue yet while it is still loading',
      input: { catalog: null, catalogStatus: 'loading' },
      view: 'loading',
    },
    {
      name: 'module not in the catalogue',
      input: { module: undefined, catalogLesson: undefined },
      view: 'module-not-found',
    },
    {
      name: 'lesson not in its module',
      input: { catalogLesson: undefined },
      view: 'lesson-not-found',
      extra: { module },
    },
    {
      name: 'module not on the device, offline',
      input: { lesson: null, ready: null, online: false },
      view: 'needs-connection',
      extra: { module, title: catalogLesson.title },
    },
    {
      name: 'module not on the device, being fetched',
      input: { lesson: null, ready: null },
      view: 'loading',
    },
    {
      name: 'module not on the device and its fetch failed',
      input: { lesson: null, ready: null, fetchFailed: true },
      view: 'unavailable',
    },
    {
      name: 'a stored lesson of that id that belongs to another module, offline',
      input: { lesson: otherLesson, online: false },
      view: 'needs-connection',
    },
  ])('$name → $view', ({ input, view, extra }) => {
    const shown = lessonView({ ...base, ...input });
    expect(shown.state).toBe(view);
    if (view === 'ready') expect(shown).toBe(ready);
    if (extra) expect(shown).toMatchObject(extra);
  });
});
