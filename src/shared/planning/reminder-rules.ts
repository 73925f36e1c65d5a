// When the server sends a study reminder, as one pure function of the time, the learner's slots and what
// was sent before, so the rules are a table test rather than a scheduler run. A reminder goes out only in
// a slot (up to SLOT_WINDOW_MINUTES after its time, so a server restart or a slow tick does not lose it),
// once per slot occurrence, never in quiet hours, at most WEEKLY_CAP in any 7 days, and only when there is
// something to do: a reminder that nags with nothing to do teaches people to turn reminders off.
import type { ReminderPayload } from '../protocol/reminder-protocol';
import { minutesOf, type StudySlot, WEEKDAYS, type Weekday } from './reminder-slots';

/** No reminder between these local times, whatever the slots say (a slot typed as 23:00 by mistake). */
export const QUIET_HOURS = { start: '21:30', end: '07:00' } as const;
export const WEEKLY_CAP = 5;
const SLOT_WINDOW_MINUTES = 30;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Something worth a reminder, worded by `reminderMessage`. */
export type ReminderTodo =
  | { kind: 'refreshers'; count: number }
  | { kind: 'lesson'; lessonId: string }
  | { kind: 'assignment'; title: string; url: string };

export type ReminderState = {
  /** Times (epoch ms) of the reminders sent to this learner, newest last; older than a week may be dropped. */
  sentAt: readonly number[];
  /** Occurrence keys (`shouldRemind`'s `occurrence`) already reminded. */
  sentOccurrences: ReadonlySet<string>;
  /** What there is to do now, or null. */
  todo: ReminderTodo | null;
};

export type ReminderDecision =
  | { send: true; occurrence: string; slotId: string; todo: ReminderTodo }
  | {
      send: false;
      reason: 'no-slot' | 'quiet-hours' | 'already-sent' | 'weekly-cap' | 'nothing-to-do';
    };

export type LocalTime = { date: string; weekday: Weekday; minutes: number };

/** The wall-clock date, weekday and minute of `now` in `timeZone`. */
export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = get('weekday').slice(0, 2).toUpperCase() as Weekday;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: WEEKDAYS.includes(weekday) ? weekday : 'MO',
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

export function inQuietHours(minutes: number): boolean {
  const start = minutesOf(QUIET_HOURS.start);
  const end = minutesOf(QUIET_HOURS.end);
  return start > end ? minutes >= start || minutes < end : minutes >= start && minutes < end;
}

export function shouldRemind(
  now: Date,
  slots: readonly StudySlot[],
  timeZone: string,
  state: ReminderState,
): ReminderDecision {
  const local = localTime(now, timeZone);
  // A slot's window does not run past midnight: slots that late are in quiet hours anyway.
  const slot = slots.find((s) => {
    const start = minutesOf(s.time);
    return (
      s.days.includes(local.weekday) && local.minutes >= start && local.minutes < start + SLOT_WINDOW_MINUTES
    );
  });
  if (!slot) return { send: false, reason: 'no-slot' };
  if (inQuietHours(local.minutes)) return { send: false, reason: 'quiet-hours' };
  const occurrence = `${local.date}T${slot.time}`;
  if (state.sentOccurrences.has(occurrence)) return { send: false, reason: 'already-sent' };
  const lastWeek = state.sentAt.filter((at) => at > now.getTime() - WEEK_MS && at <= now.getTime());
  if (lastWeek.length >= WEEKLY_CAP) return { send: false, reason: 'weekly-cap' };
  if (!state.todo) return { send: false, reason: 'nothing-to-do' };
  return { send: true, occurrence, slotId: slot.id, todo: state.todo };
}

/** The notification a reminder shows, and where tapping it goes. */
export function reminderMessage(todo: ReminderTodo): ReminderPayload {
  switch (todo.kind) {
    case 'refreshers':
      return {
        title: 'Time for a quick refresher',
        body:
          todo.count === 1
            ? '1 question is ready to refresh what you learned.'
            : `${todo.count} questions are ready to refresh what you learned.`,
        url: '/refresh',
        tag: 'pocket-cpd-reminder',
      };
    case 'lesson':
      return {
        title: 'Pick up where you left off',
        body: 'You are part way through a lesson. A few minutes now will finish it.',
        url: '/',
        tag: 'pocket-cpd-reminder',
      };
    case 'assignment':
      return {
        title: 'An assignment is due soon',
        body: todo.title,
        url: todo.url,
        tag: 'pocket-cpd-reminder',
      };
  }
}
