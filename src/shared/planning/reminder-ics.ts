// "Add my study slots to my calendar": an iCalendar file (RFC 5545) with one weekly repeating event per
// slot, each with an alarm at its start, for learners without push (or an account). Times are wall-clock
// times with the learner's IANA zone as TZID, which every major calendar resolves itself; no VTIMEZONE is
// written, because one built here would go stale when a country changes its clock rules.

import { localTime } from './reminder-rules';
import { type StudySlot, sortedDays, WEEKDAYS } from './reminder-slots';

/** How long the calendar event for a slot lasts. */
const EVENT_MINUTES = 15;
export const ICS_FILE_NAME = 'pocket-cpd-study-slots.ics';

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in text values. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a space, never inside a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    if (encoder.encode(current + char).length > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
    }
    current += char;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');

function utcStamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** The first local date on or after `today` (YYYY-MM-DD) that falls on one of the slot's days, as YYYYMMDD. */
function firstDate(today: string, slot: StudySlot): string {
  const [y, m, d] = today.split('-').map(Number);
  const start = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  for (let i = 0; i < 7; i++) {
    const day = new Date(start + i * 86_400_000);
    // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
    if (slot.days.includes(WEEKDAYS[(day.getUTCDay() + 6) % 7] ?? 'MO')) {
      return `${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}`;
    }
  }
  return today.replace(/-/g, '');
}

export function studySlotsIcs(slots: readonly StudySlot[], timeZone: string, now: Date): string {
  const today = localTime(now, timeZone).date;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pocket CPD//Study slots//EN',
    'CALSCALE:GREGORIAN',
  ];
  lines.push('METHOD:PUBLISH', `X-WR-CALNAME:${escapeText('Pocket CPD study slots')}`);
  for (const slot of slots) {
    const summary = slot.label ? `Pocket CPD: ${slot.label}` : 'Pocket CPD study time';
    lines.push(
      'BEGIN:VEVENT',
      // Stable per slot, so importing the file again updates the events instead of doubling them.
      `UID:study-slot-${slot.id}@pocket-cpd`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART;TZID=${timeZone}:${firstDate(today, slot)}T${slot.time.replace(':', '')}00`,
      `DURATION:PT${EVENT_MINUTES}M`,
      `RRULE:FREQ=WEEKLY;BYDAY=${sortedDays(slot.days).join(',')}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText('A few minutes of Pocket CPD: a lesson, or the refreshers that are due.')}`,
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:PT0M',
      `DESCRIPTION:${escapeText(summary)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
