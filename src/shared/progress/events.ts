// Learner events: immutable facts recorded on a device and synced to the server (DESIGN.md §5).
// One zod schema serves the device (before it stores an event) and the server (before it accepts one),
// so both sides agree on what a valid event is.
import { z } from 'zod';

const id = z.string().min(1).max(120);
const checkAnswer = z.strictObject({
  checkId: id,
  optionIds: z.array(id).min(1).max(20),
  correct: z.boolean(),
});

export const eventPayloads = {
  'lesson-opened': z.strictObject({}),
  'section-reached': z.strictObject({ sectionId: id, index: z.number().int().min(0).max(1000) }),
  'check-answered': checkAnswer,
  'lesson-completed': z.strictObject({}),
  /** A closed interval of time spent in a lesson; the sum runs over distinct interval ids. */
  'time-spent': z.strictObject({
    intervalId: id,
    ms: z
      .number()
      .int()
      .min(0)
      .max(6 * 60 * 60 * 1000),
  }),
  'refresher-answered': checkAnswer,
  /** Undoes an earlier event of the same learner. */
  voided: z.strictObject({ eventId: z.uuid() }),
  /**
   * How confident the learner felt at the start (`before`) or end (`after`) of a module, each statement
   * from the module's `confidence` list rated 1 (not at all) to 5 (very). The statement's text is kept
   * with its rating so an answer still reads right after the module's statements are edited. The
   * event's `lessonId` is the lesson the question was asked at: the module's first lesson before, its
   * last lesson after.
   */
  'confidence-rated': z.strictObject({
    moduleId: id,
    stage: z.enum(['before', 'after']),
    ratings: z
      .array(
        z.strictObject({ statement: z.string().min(1).max(300), rating: z.number().int().min(1).max(5) }),
      )
      .min(1)
      .max(4),
  }),
  /**
   * The learner took part in a facilitated session (a staff meeting or INSET slot run with the presenter),
   * joined by its code. The event's `lessonId` is the session's first lesson. `checks` are the checks the
   * group ran as polls: each joins the learner's refresher schedule as if answered then. An app older than
   * this type skips it when it pulls (the api client drops events it cannot read).
   */
  'session-attended': z.strictObject({
    sessionId: id,
    moduleId: id,
    lessonIds: z.array(id).min(1).max(50),
    checks: z.array(z.strictObject({ lessonId: id, checkId: id })).max(200),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(8 * 60),
  }),
} as const;

export type EventType = keyof typeof eventPayloads;

const base = {
  id: z.uuid(),
  deviceId: z.uuid(),
  deviceSeq: z.number().int().min(1),
  at: z.iso.datetime({ offset: true }),
  hlc: z.string().min(1).max(100),
  lessonId: id,
};

export const learnerEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('lesson-opened'), payload: eventPayloads['lesson-opened'] }),
  z.strictObject({ ...base, type: z.literal('section-reached'), payload: eventPayloads['section-reached'] }),
  z.strictObject({ ...base, type: z.literal('check-answered'), payload: eventPayloads['check-answered'] }),
  z.strictObject({
    ...base,
    type: z.literal('lesson-completed'),
    payload: eventPayloads['lesson-completed'],
  }),
  z.strictObject({ ...base, type: z.literal('time-spent'), payload: eventPayloads['time-spent'] }),
  z.strictObject({
    ...base,
    type: z.literal('refresher-answered'),
    payload: eventPayloads['refresher-answered'],
  }),
  z.strictObject({ ...base, type: z.literal('voided'), payload: eventPayloads.voided }),
  z.strictObject({
    ...base,
    type: z.literal('confidence-rated'),
    payload: eventPayloads['confidence-rated'],
  }),
  z.strictObject({
    ...base,
    type: z.literal('session-attended'),
    payload: eventPayloads['session-attended'],
  }),
]);

export type LearnerEvent = z.infer<typeof learnerEventSchema>;
export type EventOf<T extends EventType> = Extract<LearnerEvent, { type: T }>;
export type PayloadOf<T extends EventType> = EventOf<T>['payload'];
