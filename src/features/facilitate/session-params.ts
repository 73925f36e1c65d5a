// A session's plan lives in its address (`/present/<module>?length=20&from=<lesson>&follow=<date>`), so the
// presenter view and the sign-in sheet, opened in other windows, plan exactly the same session.

import type { Lesson } from '../../shared/content/content-types';
import { daysBetween, localDay } from '../../shared/planning/calendar-day';
import {
  DEFAULT_FOLLOW_UP_DAYS,
  planSession,
  SESSION_MINUTES,
  type SessionMinutes,
  type SessionPick,
  type SessionPlan,
} from '../../shared/planning/plan-session';

export type SessionLength = 'module' | `${SessionMinutes}`;

export function lengthOf(params: URLSearchParams): SessionLength {
  const length = params.get('length');
  return SESSION_MINUTES.some((m) => String(m) === length) ? (length as SessionLength) : 'module';
}

export function pickOf(params: URLSearchParams): SessionPick {
  const length = lengthOf(params);
  if (length === 'module') return { kind: 'module' };
  const from = params.get('from');
  return { kind: 'slot', minutes: Number(length) as SessionMinutes, ...(from ? { from } : {}) };
}

export function planOf(moduleId: string, lessons: readonly Lesson[], params: URLSearchParams): SessionPlan {
  const today = params.get('day') ?? localDay();
  const follow = params.get('follow');
  const days =
    follow && /^\d{4}-\d{2}-\d{2}$/.test(follow) ? daysBetween(today, follow) : DEFAULT_FOLLOW_UP_DAYS;
  return planSession({
    moduleId,
    lessons,
    pick: pickOf(params),
    today,
    followUpDays: Number.isFinite(days) && days >= 0 ? days : DEFAULT_FOLLOW_UP_DAYS,
  });
}

/** The address of one of the session's windows, keeping its plan and session id. */
export function sessionHref(
  moduleId: string,
  page: '' | '/notes' | '/sign-in',
  params: URLSearchParams,
): string {
  return `/present/${encodeURIComponent(moduleId)}${page}?${params.toString()}`;
}
