// One learner event as one xAPI 1.0.3 statement (docs/xapi.md has the table). The statement keeps the
// event's id, so sending it twice is the same statement; it is computed each time it is served, never
// stored, so a change to this mapping changes every statement at once and no copy drifts from the events.
import type { LearnerEvent } from '../../src/shared/progress/events';
import { isoDuration } from './iso-duration';
import type { Activity, Agent, Context, Result, Statement, Verb } from './statement-types';

export const XAPI_VERSION = '1.0.3';

const ADL = 'http://adlnet.gov/expapi';

/** Where a lesson sits, and the titles to name activities with; unknown lessons still map. */
export type CourseLookup = {
  lessonModule: ReadonlyMap<string, string>;
  modules: ReadonlyMap<string, { title: string; lessons: readonly { id: string; title: string }[] }>;
};

export type MappingContext = {
  /** The site's own address without a trailing slash (`https://cpd.example.org`): activity ids start with it. */
  baseUrl: string;
  learner: { id: string; name: string };
  course: CourseLookup;
  /** When the server received the event (epoch ms): the statement's `stored`. */
  receivedAt: number;
  /**
   * For a team's key: `timestamp` and `stored` keep the day and drop the time (midnight UTC), because
   * leaders never see the times of day a member studies (docs/teams.md), only dates.
   */
  datesOnly?: boolean;
};

const dayOf = (iso: string): string => `${iso.slice(0, 10)}T00:00:00.000Z`;

const verb = (name: string, id = `${ADL}/verbs/${name}`): Verb => ({ id, display: { 'en-GB': name } });

export const VERBS = {
  attempted: verb('attempted'),
  progressed: verb('progressed'),
  answered: verb('answered'),
  completed: verb('completed'),
  experienced: verb('experienced'),
  voided: verb('voided'),
  responded: verb('responded'),
  attended: verb('attended'),
} as const;

/** The agent a learner is in every statement: an account on this site, never the email address. */
export function learnerAgent(baseUrl: string, learner: { id: string; name: string }): Agent {
  return { objectType: 'Agent', name: learner.name, account: { homePage: baseUrl, name: learner.id } };
}

/** The agent that vouches for statements made from events: the site itself. */
export function siteAuthority(baseUrl: string): Agent {
  return { objectType: 'Agent', name: 'Pocket CPD', account: { homePage: baseUrl, name: 'pocket-cpd' } };
}

export function eventToStatement(event: LearnerEvent, ctx: MappingContext): Statement {
  const { baseUrl, course } = ctx;
  const extension = (name: string) => `${baseUrl}/xapi/extensions/${name}`;
  const moduleActivity = (moduleId: string): Activity => {
    const title = course.modules.get(moduleId)?.title;
    return {
      objectType: 'Activity',
      id: `${baseUrl}/modules/${encodeURIComponent(moduleId)}`,
      definition: { type: `${ADL}/activities/module`, ...(title ? { name: { 'en-GB': title } } : {}) },
    };
  };
  const lessonActivity = (lessonId: string): Activity => {
    const moduleId = course.lessonModule.get(lessonId);
    const title = moduleId
      ? course.modules.get(moduleId)?.lessons.find((l) => l.id === lessonId)?.title
      : undefined;
    return {
      objectType: 'Activity',
      // The lesson's own page; a lesson the course no longer has keeps an id under /lessons/.
      id: moduleId
        ? `${baseUrl}/modules/${encodeURIComponent(moduleId)}/${encodeURIComponent(lessonId)}`
        : `${baseUrl}/lessons/${encodeURIComponent(lessonId)}`,
      definition: { type: `${ADL}/activities/lesson`, ...(title ? { name: { 'en-GB': title } } : {}) },
    };
  };
  // A lesson statement's context names the module; a check's names its lesson and, above that, the module.
  const inModule = (lessonId: string): Context => {
    const moduleId = course.lessonModule.get(lessonId);
    return { contextActivities: moduleId ? { parent: [moduleActivity(moduleId)] } : {} };
  };
  const inLesson = (lessonId: string, category?: Activity): Context => {
    const moduleId = course.lessonModule.get(lessonId);
    return {
      contextActivities: {
        parent: [lessonActivity(lessonId)],
        ...(moduleId ? { grouping: [moduleActivity(moduleId)] } : {}),
        ...(category ? { category: [category] } : {}),
      },
    };
  };
  const check = (lessonId: string, checkId: string): Activity => ({
    objectType: 'Activity',
    id: `${lessonActivity(lessonId).id}#check-${encodeURIComponent(checkId)}`,
    definition: { type: `${ADL}/activities/cmi.interaction`, interactionType: 'choice' },
  });
  type Part = Pick<Statement, 'verb' | 'object'> & { result?: Result; context?: Context };
  // Every lesson event is the lesson with its module as parent; only the verb and the result differ.
  const aboutLesson = (verb: Verb, lessonId: string, result?: Result): Part => ({
    verb,
    object: lessonActivity(lessonId),
    ...(result ? { result } : {}),
    context: inModule(lessonId),
  });
  // An answer, first time or in a refresher (then with the refresher category): the check, and whether right.
  const answered = (
    lessonId: string,
    p: { checkId: string; optionIds: string[]; correct: boolean },
    category?: Activity,
  ): Part => ({
    verb: VERBS.answered,
    object: check(lessonId, p.checkId),
    // The choice interaction's response pattern: option ids joined by `[,]`.
    result: { success: p.correct, response: p.optionIds.join('[,]') },
    context: inLesson(lessonId, category),
  });

  let part: Part;
  switch (event.type) {
    case 'lesson-opened':
      part = aboutLesson(VERBS.attempted, event.lessonId);
      break;
    case 'section-reached':
      part = aboutLesson(VERBS.progressed, event.lessonId, {
        extensions: { [extension('section')]: { id: event.payload.sectionId, index: event.payload.index } },
      });
      break;
    case 'check-answered':
      part = answered(event.lessonId, event.payload);
      break;
    case 'refresher-answered':
      part = answered(event.lessonId, event.payload, {
        objectType: 'Activity',
        id: `${baseUrl}/xapi/categories/refresher`,
      });
      break;
    case 'lesson-completed':
      part = aboutLesson(VERBS.completed, event.lessonId, { completion: true });
      break;
    case 'time-spent':
      part = aboutLesson(VERBS.experienced, event.lessonId, {
        duration: isoDuration(event.payload.ms),
        extensions: { [extension('interval')]: event.payload.intervalId },
      });
      break;
    case 'voided':
      part = { verb: VERBS.voided, object: { objectType: 'StatementRef', id: event.payload.eventId } };
      break;
    case 'confidence-rated': {
      const { moduleId, stage, ratings } = event.payload;
      const mean = ratings.reduce((sum, r) => sum + r.rating, 0) / ratings.length;
      part = {
        verb: VERBS.responded,
        object: {
          objectType: 'Activity',
          id: `${moduleActivity(moduleId).id}#confidence-${stage}`,
          definition: {
            type: 'http://id.tincanapi.com/activitytype/survey',
            name: { 'en-GB': `Confidence ${stage === 'before' ? 'at the start' : 'at the end'}` },
          },
        },
        result: {
          score: { raw: Math.round(mean * 100) / 100, min: 1, max: 5 },
          extensions: { [extension('ratings')]: ratings },
        },
        context: { contextActivities: { parent: [moduleActivity(moduleId)] } },
      };
      break;
    }
    case 'session-attended': {
      const { sessionId, moduleId, lessonIds, minutes } = event.payload;
      part = {
        verb: VERBS.attended,
        object: {
          objectType: 'Activity',
          id: `${baseUrl}/sessions/${encodeURIComponent(sessionId)}`,
          definition: { type: `${ADL}/activities/meeting` },
        },
        result: { duration: isoDuration(minutes * 60_000) },
        context: {
          contextActivities: {
            parent: [moduleActivity(moduleId)],
            grouping: lessonIds.map(lessonActivity),
          },
        },
      };
      break;
    }
  }
  return {
    id: event.id,
    actor: learnerAgent(baseUrl, ctx.learner),
    ...part,
    context: { ...part.context, platform: 'Pocket CPD', language: 'en-GB' },
    timestamp: ctx.datesOnly ? dayOf(event.at) : event.at,
    stored: (ctx.datesOnly ? dayOf : (iso: string) => iso)(new Date(ctx.receivedAt).toISOString()),
    authority: siteAuthority(baseUrl),
    version: XAPI_VERSION,
  };
}
