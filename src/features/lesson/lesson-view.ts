// What a lesson page shows, decided in one pure function from what the page knows so far: its seed, the
// catalogue, the stored or fetched lesson, the learner's events, the connection. useLesson gathers those;
// this decides. Its table test (tests/unit/lesson/lesson-view.test.ts) lists every case.
import type { CatalogStatus } from '../../lib/stores/catalog-status';
import type { Catalog, CatalogLesson, CatalogModule, Lesson } from '../../shared/content/content-types';
import type { NextStep } from '../../shared/content/lesson-seed';
import type { LessonProgress } from '../../shared/progress/progress';

export type ReadyLessonView = {
  state: 'ready';
  module: CatalogModule;
  lesson: Lesson;
  progress: LessonProgress | undefined;
  /** False while a page shown from its seed has not read the learner's events yet. */
  progressRead: boolean;
  next: NextStep;
};

export type LessonView =
  | { state: 'loading' }
  /** Online, but the course or the lesson could not be fetched (server down, captive portal). */
  | { state: 'unavailable' }
  /** Offline, and neither the lesson nor (with no catalogue) anything about it is on this device. */
  | { state: 'needs-connection'; module: CatalogModule | null; title: string }
  | { state: 'module-not-found' }
  | { state: 'lesson-not-found'; module: CatalogModule }
  | ReadyLessonView;

export type LessonViewInput = {
  moduleId: string;
  /** The catalogue: undefined while it is being read, null when the device has none. */
  catalog: Catalog | null | undefined;
  catalogStatus: CatalogStatus;
  /** The catalogue's entries for this page, when it has them. */
  module: CatalogModule | undefined;
  catalogLesson: CatalogLesson | undefined;
  /** The lesson's content: undefined while it is being read, null when this device lacks it. */
  lesson: Lesson | null | undefined;
  /** The learner's events have been read. */
  progressRead: boolean;
  online: boolean;
  /** The module's bundle was fetched and failed (or was not the version the catalogue names). */
  fetchFailed: boolean;
  /** The page as it shows once its module and lesson are known; null until then. */
  ready: ReadyLessonView | null;
  /** The page shows its build-time seed, which needs neither the catalogue nor the events to show. */
  fromSeed: boolean;
};

// The same object each time, so a page deferring its view (useDeferredValue) sees no change while loading.
const LOADING: LessonView = { state: 'loading' };
const UNAVAILABLE: LessonView = { state: 'unavailable' };

export function lessonView(input: LessonViewInput): LessonView {
  const { catalog, module, catalogLesson, lesson, online, ready } = input;
  if (input.fromSeed && ready) return ready;
  if (catalog === null && input.catalogStatus === 'failed')
    return online ? UNAVAILABLE : { state: 'needs-connection', module: null, title: 'Lesson' };
  if (!catalog || !input.progressRead || lesson === undefined) return LOADING;
  if (!module) return { state: 'module-not-found' };
  if (!catalogLesson) return { state: 'lesson-not-found', module };
  if (!lesson || lesson.moduleId !== input.moduleId || !ready) {
    if (!online) return { state: 'needs-connection', module, title: catalogLesson.title };
    return input.fetchFailed ? UNAVAILABLE : LOADING;
  }
  return ready;
}
