// The learner's CPD record, derived from their events, the catalogue and their reflection notes: what a
// member of staff can show their school or awarding body. Pure, so the record screen and the CSV
// export always agree with the progress screens.
import type { Catalog, CatalogLesson, CatalogModule, ReflectLog } from '../content/content-types';
import type { LearnerEvent } from './events';
import { liveEvents } from './live-events';
import { confidenceChange, foldConfidence } from './module-confidence';
import { foldProgress } from './progress';

/** A reflection note as kept in the `docs` table (`note:<lessonId>:<blockId>`). */
export type NoteDoc = { id: string; body: Record<string, unknown>; updatedAt?: string };

/** Where a lesson sits in the course; the titles fall back to ids for a lesson no longer in it. */
type Placed = { lessonId: string; lessonTitle: string; moduleId?: string; moduleTitle?: string };

export type CpdLesson = Placed & {
  /** ISO time of the earliest completion still standing. */
  completedAt: string;
  /** The lesson's minutes as the course declares them; 0 for a lesson no longer in the course. */
  declaredMinutes: number;
  /** Time actually spent, from `time-spent` intervals (each interval counted once). */
  msSpent: number;
  minutesSpent: number;
};

export type CpdModule = {
  moduleId: string;
  moduleTitle: string;
  /** When its last lesson was completed. */
  completedAt: string;
  lessons: number;
  declaredMinutes: number;
};

export type CpdReflection = Placed & {
  blockId: string;
  text: string;
  updatedAt?: string;
  /** What the prompt asked, as the course tags it (`:::reflect{log=change}`); absent when untagged. */
  log?: ReflectLog;
};

export type CpdRefresher = Placed & { checkId: string; answeredAt: string; correct: boolean };

/** A facilitated session the learner attended (joined by its code), counted once however often joined. */
export type CpdSession = {
  sessionId: string;
  moduleId: string;
  moduleTitle: string;
  /** The lessons the session covered, placed in the course. */
  lessons: Placed[];
  /** The session's planned minutes. */
  minutes: number;
  /** When the learner first joined it. */
  attendedAt: string;
};

/** A module's confidence ratings: the mean of each stage answered, and the change once both are. */
export type CpdConfidence = {
  moduleId: string;
  moduleTitle: string;
  before?: number;
  after?: number;
  change?: number;
  /** When the latest of the two answers was given. */
  answeredAt: string;
};

export type CpdTotals = {
  lessonsCompleted: number;
  modulesCompleted: number;
  declaredMinutes: number;
  /** Time spent in completed lessons, rounded once over the sum. */
  minutesSpent: number;
  refreshersAnswered: number;
  refreshersCorrect: number;
  reflections: number;
  sessionsAttended: number;
  /** Planned minutes of the sessions attended. */
  sessionMinutes: number;
};

export type CpdRecord = {
  lessons: CpdLesson[];
  modules: CpdModule[];
  reflections: CpdReflection[];
  refreshers: CpdRefresher[];
  confidence: CpdConfidence[];
  sessions: CpdSession[];
  totals: CpdTotals;
};

export type CpdRecordInput = {
  events: readonly LearnerEvent[];
  /** Null while the catalogue has never loaded: the record then shows ids rather than titles. */
  catalog: Catalog | null;
  notes: readonly NoteDoc[];
};

const MINUTE_MS = 60_000;
const NOTE_PREFIX = 'note:';

/**
 * Lessons completed (oldest first), modules whose every lesson is completed, reflections with text,
 * refresher answers (in the order they were given) and totals. Voided events and duplicates do not count.
 */
export function buildCpdRecord({ events, catalog, notes }: CpdRecordInput): CpdRecord {
  const where = new Map<string, { module: CatalogModule; lesson: CatalogLesson }>();
  for (const module of catalog?.modules ?? []) {
    for (const lesson of module.lessons) where.set(lesson.id, { module, lesson });
  }
  const place = (lessonId: string): Placed => {
    const found = where.get(lessonId);
    return found
      ? {
          lessonId,
          lessonTitle: found.lesson.title,
          moduleId: found.module.id,
          moduleTitle: found.module.title,
        }
      : { lessonId, lessonTitle: lessonId };
  };

  const progress = foldProgress(events);
  const lessons: CpdLesson[] = [];
  for (const p of progress.values()) {
    if (!p.completed || !p.completedAt) continue;
    lessons.push({
      ...place(p.lessonId),
      completedAt: p.completedAt,
      declaredMinutes: where.get(p.lessonId)?.lesson.minutes ?? 0,
      msSpent: p.msSpent,
      minutesSpent: Math.round(p.msSpent / MINUTE_MS),
    });
  }
  lessons.sort((a, b) => byTime(a.completedAt, b.completedAt) || compare(a.lessonId, b.lessonId));

  const modules: CpdModule[] = [];
  for (const module of [...(catalog?.modules ?? [])].sort((a, b) => a.order - b.order)) {
    const done = module.lessons
      .map((l) => progress.get(l.id)?.completedAt)
      .filter((d): d is string => d !== undefined);
    if (done.length === 0 || done.length !== module.lessons.length) continue;
    modules.push({
      moduleId: module.id,
      moduleTitle: module.title,
      completedAt: done.reduce((latest, d) => (byTime(d, latest) > 0 ? d : latest)),
      lessons: module.lessons.length,
      declaredMinutes: module.lessons.reduce((sum, l) => sum + l.minutes, 0),
    });
  }
  modules.sort((a, b) => byTime(a.completedAt, b.completedAt) || compare(a.moduleId, b.moduleId));

  const reflections: CpdReflection[] = [];
  for (const note of notes) {
    if (!note.id.startsWith(NOTE_PREFIX)) continue;
    const [lessonId, ...rest] = note.id.slice(NOTE_PREFIX.length).split(':');
    const blockId = rest.join(':');
    const text = typeof note.body.text === 'string' ? note.body.text.trim() : '';
    if (!lessonId || !blockId || !text) continue;
    const log = where.get(lessonId)?.lesson.reflectLog?.[blockId];
    reflections.push({
      ...place(lessonId),
      blockId,
      text,
      ...(note.updatedAt ? { updatedAt: note.updatedAt } : {}),
      ...(log ? { log } : {}),
    });
  }
  reflections.sort(
    (a, b) =>
      compare(a.updatedAt ?? '', b.updatedAt ?? '') ||
      compare(a.lessonId, b.lessonId) ||
      compare(a.blockId, b.blockId),
  );

  const refreshers: CpdRefresher[] = [];
  for (const event of liveEvents(events)) {
    if (event.type !== 'refresher-answered') continue;
    refreshers.push({
      ...place(event.lessonId),
      checkId: event.payload.checkId,
      answeredAt: event.at,
      correct: event.payload.correct,
    });
  }

  const sessions = new Map<string, CpdSession>();
  for (const event of liveEvents(events)) {
    if (event.type !== 'session-attended' || sessions.has(event.payload.sessionId)) continue;
    const { sessionId, moduleId, lessonIds, minutes } = event.payload;
    sessions.set(sessionId, {
      sessionId,
      moduleId,
      moduleTitle: catalog?.modules.find((m) => m.id === moduleId)?.title ?? moduleId,
      lessons: lessonIds.map(place),
      minutes,
      attendedAt: event.at,
    });
  }
  const attended = [...sessions.values()].sort(
    (a, b) => byTime(a.attendedAt, b.attendedAt) || compare(a.sessionId, b.sessionId),
  );

  const moduleTitles = new Map((catalog?.modules ?? []).map((m) => [m.id, m.title]));
  const confidence: CpdConfidence[] = [];
  for (const [moduleId, c] of foldConfidence(events)) {
    const change = confidenceChange(c);
    const times = [c.before?.at, c.after?.at].filter((t): t is string => t !== undefined);
    confidence.push({
      moduleId,
      moduleTitle: moduleTitles.get(moduleId) ?? moduleId,
      ...(c.before ? { before: c.before.mean } : {}),
      ...(c.after ? { after: c.after.mean } : {}),
      ...(change !== undefined ? { change } : {}),
      answeredAt: times.reduce((latest, t) => (byTime(t, latest) > 0 ? t : latest)),
    });
  }
  confidence.sort((a, b) => byTime(a.answeredAt, b.answeredAt) || compare(a.moduleId, b.moduleId));

  const msSpent = lessons.reduce((sum, l) => sum + l.msSpent, 0);
  return {
    lessons,
    modules,
    reflections,
    refreshers,
    confidence,
    sessions: attended,
    totals: {
      lessonsCompleted: lessons.length,
      modulesCompleted: modules.length,
      declaredMinutes: lessons.reduce((sum, l) => sum + l.declaredMinutes, 0),
      minutesSpent: Math.round(msSpent / MINUTE_MS),
      refreshersAnswered: refreshers.length,
      refreshersCorrect: refreshers.filter((r) => r.correct).length,
      reflections: reflections.length,
      sessionsAttended: attended.length,
      sessionMinutes: attended.reduce((sum, s) => sum + s.minutes, 0),
    },
  };
}

// Event times may carry an offset (`+01:00`), so they are compared as instants, not as text.
function byTime(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
