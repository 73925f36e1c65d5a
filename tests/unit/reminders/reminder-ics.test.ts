import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { studySlotsIcs } from '../../../src/shared/planning/reminder-ics';
import type { StudySlot } from '../../../src/shared/planning/reminder-slots';

const slots: StudySlot[] = [
  { id: 'tue', days: ['TU'], time: '12:10', label: 'my free period; room 4, upstairs' },
  { id: 'eve', days: ['FR', 'MO', 'TU', 'WE', 'TH'], time: '20:00' },
];
// A Wednesday: the Tuesday slot's first date is next Tuesday, the evenings' is today.
const NOW = new Date('2026-12-09T10:00:00Z');

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
    const start = vevent.getFirstProperty('dtstart');
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      tzid: start?.getParameter('tzid'),
      duration: event.duration.toSeconds(),
      freq: rrule.freq,
      byday: rrule.parts.BYDAY,
      alarms: vevent.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('action')),
    };
  });
}

describe('studySlotsIcs', () => {
  it('gives one weekly event per slot, at the slot’s local time in its zone, with an alarm', () => {
    const text = studySlotsIcs(slots, 'Europe/London', NOW);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(parse(text)).toEqual([
      {
        uid: 'study-slot-tue@pocket-cpd',
        summary: 'Pocket CPD: my free period; room 4, upstairs',
        start: '2026-12-15T12:10:00',
        tzid: 'Europe/London',
        duration: 15 * 60,
        freq: 'WEEKLY',
        byday: ['TU'],
        alarms: ['DISPLAY'],
      },
      {
        uid: 'study-slot-eve@pocket-cpd',
        summary: 'Pocket CPD study time',
        start: '2026-12-09T20:00:00',
        tzid: 'Europe/London',
        duration: 15 * 60,
        freq: 'WEEKLY',
        byday: ['MO', 'TU', 'WE', 'TH', 'FR'],
        alarms: ['DISPLAY'],
      },
    ]);
  });

  it('repeats on the chosen days: the next occurrences of the weekday slot skip the weekend', () => {
    const calendar = new ICAL.Component(
      ICAL.parse(studySlotsIcs([slots[1] as StudySlot], 'Europe/London', NOW)),
    );
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    const it = event.iterator();
    const dates = Array.from({ length: 4 }, () => it.next()?.toString());
    expect(dates).toEqual([
      '2026-12-09T20:00:00',
      '2026-12-10T20:00:00',
      '2026-12-11T20:00:00',
      '2026-12-14T20:00:00',
    ]);
  });

  it('uses the learner’s date, not the server’s: late on Monday in New York is still Monday there', () => {
    const mondayNight = new Date('2026-12-08T03:00:00Z'); // 22:00 Monday in New York
    const [event] = parse(
      studySlotsIcs([{ id: 'm', days: ['MO'], time: '21:00' }], 'America/New_York', mondayNight),
    );
    expect(event?.start).toBe('2026-12-07T21:00:00');
    expect(event?.tzid).toBe('America/New_York');
  });
});
