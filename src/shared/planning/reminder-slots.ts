// The learner's study slots ("Tuesday 12:10, my free period"), stored as the synced doc `study-slots` so
// they follow the learner to every device and reach the server, which sends reminders at them. Times are
// wall-clock times in the learner's IANA time zone, kept with the slots: a slot at 20:00 stays at 20:00
// through the clock change and on a laptop set to another zone.
import { z } from 'zod';

export const STUDY_SLOTS_DOC_ID = 'study-slots';
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
export const MAX_SLOTS = 14;
export const MAX_SLOT_LABEL = 60;

export const studySlotSchema = z.object({
  id: z.string().min(1).max(40),
  days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
  /** Wall-clock time, 24-hour `HH:MM`. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM'),
  label: z.string().max(MAX_SLOT_LABEL).optional(),
});
export type StudySlot = z.infer<typeof studySlotSchema>;

export type StudySlots = { slots: StudySlot[]; timeZone: string };

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the doc forgivingly: a slot that does not parse is dropped (not the whole doc), and a zone the
 * runtime does not know falls back to `fallbackZone`, so one bad field never silences every reminder.
 */
export function parseStudySlots(body: Record<string, unknown> | undefined, fallbackZone: string): StudySlots {
  const raw = Array.isArray(body?.slots) ? body.slots : [];
  const slots: StudySlot[] = [];
  for (const item of raw) {
    const parsed = studySlotSchema.safeParse(item);
    if (parsed.success && slots.length < MAX_SLOTS) slots.push(parsed.data);
  }
  const zone = typeof body?.timeZone === 'string' && isTimeZone(body.timeZone) ? body.timeZone : fallbackZone;
  return { slots, timeZone: zone };
}

/** Days in week order, without repeats. */
export function sortedDays(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

/** "Weekdays at 20:00 — my evening slot", "Tuesday at 12:10". */
export function describeSlot(slot: StudySlot): string {
  const days = sortedDays(slot.days);
  const weekdays = WEEKDAYS.slice(0, 5);
  const daysText =
    days.length === 7
      ? 'Every day'
      : days.length === 5 && weekdays.every((d) => days.includes(d))
        ? 'Weekdays'
        : days.length === 2 && days.includes('SA') && days.includes('SU')
          ? 'Weekends'
          : days.map((d) => WEEKDAY_NAMES[d]).join(', ');
  return `${daysText} at ${slot.time}${slot.label ? ` — ${slot.label}` : ''}`;
}

/** Minutes after midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
