// A facilitated session (a staff meeting's slot, an INSET day) made from a module's lessons, in the shape
// the evidence on school CPD favours: input, discussion, a group check, a "try this" commitment and a
// follow-up date. Pure, so the presenter, the presenter view and the tests all plan the same session.

import type { Lesson, LessonBlock } from '../content/content-types';
import { addDays } from './calendar-day';
import { takeInOrder } from './take-in-order';

/** The staff-meeting slots a session can be fitted to. */
export const SESSION_MINUTES = [15, 20, 30] as const;
export type SessionMinutes = (typeof SESSION_MINUTES)[number];

/** A group poll: the question, a show of hands, then the answer and every explanation. */
export const POLL_MINUTES = 1;
/** Each person says or writes down what they will try before the follow-up. */
export const TRY_MINUTES = 2;
/** Two weeks: time to try something in class, and usually the next staff meeting. */
export const DEFAULT_FOLLOW_UP_DAYS = 14;

export type CheckBlock = Extract<LessonBlock, { type: 'check' }>;
type CalloutBlock = Extract<LessonBlock, { type: 'callout' }>;
/** What an input slide shows: the lesson's prose and its tips and key points, in the author's order. */
export type InputBlock = Extract<LessonBlock, { type: 'html' }> | CalloutBlock;

type SlideBase = {
  /** Planned minutes on this slide (fractional: a lesson's minutes are shared by its input slides). */
  minutes: number;
  /** Planned minutes from the start of the session to this slide. */
  startMinute: number;
  /** Sanitised HTML of the facilitator notes written at this point of the lesson (presenter view only). */
  notes: string[];
};

export type SessionSlide = SlideBase &
  (
    | {
        kind: 'input';
        lessonId: string;
        lessonTitle: string;
        sectionTitle: string;
        blocks: InputBlock[];
      }
    | { kind: 'discuss'; lessonId: string; lessonTitle: string; html: string; discussMinutes: number }
    | { kind: 'poll'; lessonId: string; lessonTitle: string; check: CheckBlock }
    | { kind: 'try'; tries: { lessonId: string; title: string; html: string }[] }
    | { kind: 'follow-up'; on: string }
  );

type InputSlide = Extract<SessionSlide, { kind: 'input' }>;

export type SessionPick =
  /** Every lesson of the module, however long that takes. */
  | { kind: 'module' }
  /**
   * Lessons fitted to a slot by the slot planner's rule: in order, stopping at the first that does not
   * fit. `lessonIds` are the candidates in the order picked; without them, the module's lessons from
   * `from` (or the first) on.
   */
  | { kind: 'slot'; minutes: SessionMinutes; lessonIds?: readonly string[]; from?: string };

export type SessionPlanInput = {
  moduleId: string;
  /** The module's lessons in course order, as its downloaded bundle holds them. */
  lessons: readonly Lesson[];
  pick: SessionPick;
  /** The day of the session, `YYYY-MM-DD`. */
  today: string;
  followUpDays?: number;
};

export type SessionLesson = { lessonId: string; title: string; minutes: number };

export type SessionPlan = {
  moduleId: string;
  lessons: SessionLesson[];
  slides: SessionSlide[];
  totalMinutes: number;
  /** The slot it was fitted to; undefined for a whole module. */
  slotMinutes?: SessionMinutes;
  /**
   * False only when not even the first lesson fits the slot: the plan then holds that lesson alone, so
   * the screen can say "about N minutes" honestly rather than pretend it fits.
   */
  fits: boolean;
  /** `YYYY-MM-DD`: when the group comes back to what they tried. */
  followUpOn: string;
  /** Every check run as a poll: the attendees' refreshers for them are scheduled from attendance. */
  checks: { lessonId: string; checkId: string }[];
};

/** Minutes a lesson takes in a session: its own minutes, its discussions, and a minute per poll. */
export function sessionMinutes(lesson: Lesson): number {
  let minutes = lesson.minutes;
  for (const block of lesson.blocks) {
    if (block.type === 'discuss') minutes += block.minutes;
    if (block.type === 'check') minutes += POLL_MINUTES;
  }
  return minutes;
}

export function planSession({
  moduleId,
  lessons,
  pick,
  today,
  followUpDays = DEFAULT_FOLLOW_UP_DAYS,
}: SessionPlanInput): SessionPlan {
  const chosen = chooseLessons(lessons, pick);
  const fits =
    pick.kind === 'module' ||
    chosen.reduce((sum, l) => sum + sessionMinutes(l), 0) + TRY_MINUTES <= pick.minutes;
  const followUpOn = addDays(today, followUpDays);

  const slides: SessionSlide[] = [];
  const tries: { lessonId: string; title: string; html: string }[] = [];
  for (const lesson of chosen) slides.push(...lessonSlides(lesson, tries));
  slides.push({ kind: 'try', tries, minutes: TRY_MINUTES, startMinute: 0, notes: [] });
  slides.push({ kind: 'follow-up', on: followUpOn, minutes: 0, startMinute: 0, notes: [] });
  let start = 0;
  for (const slide of slides) {
    slide.startMinute = start;
    start += slide.minutes;
  }

  return {
    moduleId,
    lessons: chosen.map((l) => ({ lessonId: l.id, title: l.title, minutes: sessionMinutes(l) })),
    slides,
    totalMinutes: Math.round(start),
    ...(pick.kind === 'slot' ? { slotMinutes: pick.minutes } : {}),
    fits,
    followUpOn,
    checks: chosen.flatMap((l) =>
      l.blocks.flatMap((b) => (b.type === 'check' ? [{ lessonId: l.id, checkId: b.id }] : [])),
    ),
  };
}

function chooseLessons(lessons: readonly Lesson[], pick: SessionPick): Lesson[] {
  if (pick.kind === 'module') return [...lessons];
  let candidates: Lesson[];
  if (pick.lessonIds) {
    const byId = new Map(lessons.map((l) => [l.id, l]));
    candidates = pick.lessonIds.map((id) => byId.get(id)).filter((l): l is Lesson => l !== undefined);
  } else {
    const from = pick.from ? lessons.findIndex((l) => l.id === pick.from) : 0;
    candidates = lessons.slice(Math.max(from, 0));
  }
  const items = candidates.map((lesson) => ({ lesson, minutes: sessionMinutes(lesson) }));
  const taken = takeInOrder(items, pick.minutes - TRY_MINUTES).map((i) => i.lesson);
  // As the slot planner does when nothing fits: offer the first lesson alone, marked as not fitting.
  return taken.length > 0 ? taken : candidates.slice(0, 1);
}

/**
 * A lesson's slides in the author's order: an input slide per section (continued after a discussion or
 * a poll in the middle of a section), each `:::discuss` and each check where it stands. Facilitator notes
 * go with the slide before them; try-this callouts are gathered for the commitment at the end.
 */
function lessonSlides(lesson: Lesson, tries: { lessonId: string; title: string; html: string }[]) {
  const slides: SessionSlide[] = [];
  const pendingNotes: string[] = [];
  const base = { lessonId: lesson.id, lessonTitle: lesson.title };
  let section = -1;
  const add = <S extends SessionSlide>(slide: S): S => {
    slide.notes.push(...pendingNotes.splice(0));
    slides.push(slide);
    return slide;
  };
  const input = (index: number): InputSlide => {
    const last = slides.at(-1);
    if (index === section && last?.kind === 'input') return last;
    section = index;
    const sectionTitle = lesson.sections[index]?.title ?? lesson.title;
    const slide: InputSlide = {
      kind: 'input',
      ...base,
      sectionTitle,
      blocks: [],
      minutes: 0,
      startMinute: 0,
      notes: [],
    };
    return add(slide);
  };

  for (const block of lesson.blocks) {
    if ('section' in block && block.section !== section) input(block.section);
    switch (block.type) {
      case 'html':
        input(block.section).blocks.push(block);
        break;
      case 'callout':
        if (block.kind === 'try') tries.push({ lessonId: lesson.id, title: block.title, html: block.html });
        else input(block.section).blocks.push(block);
        break;
      case 'check':
        add({ kind: 'poll', ...base, check: block, minutes: POLL_MINUTES, startMinute: 0, notes: [] });
        break;
      case 'discuss':
        add({
          kind: 'discuss',
          ...base,
          html: block.html,
          discussMinutes: block.minutes,
          minutes: block.minutes,
          startMinute: 0,
          notes: [],
        });
        break;
      case 'facilitator': {
        const last = slides.at(-1);
        if (last) last.notes.push(block.html);
        else pendingNotes.push(block.html);
        break;
      }
      case 'reflect':
        // A private note prompt: it belongs on the handout, not on the projector.
        break;
    }
  }
  if (slides.length === 0 || pendingNotes.length > 0) input(0);
  const inputs = slides.filter((s) => s.kind === 'input');
  for (const slide of inputs) slide.minutes = lesson.minutes / inputs.length;
  return slides;
}
