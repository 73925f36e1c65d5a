// Settings → Study reminders: the learner's study slots, reminders pushed to this device at them, and the
// calendar file for anyone without push (no account, an iPhone without the Home Screen app, or a learner
// who prefers their own calendar).
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { saveFile } from '../../lib/browser/save-file';
import { writeErrors } from '../../lib/stores/write-errors';
import { type PushAvailability, pushAvailability } from '../../pwa/push-subscription';
import { ICS_FILE_NAME, studySlotsIcs } from '../../shared/planning/reminder-ics';
import { inQuietHours, QUIET_HOURS, WEEKLY_CAP } from '../../shared/planning/reminder-rules';
import {
  describeSlot,
  MAX_SLOT_LABEL,
  MAX_SLOTS,
  minutesOf,
  type StudySlot,
  type StudySlots,
  studySlotSchema,
  WEEKDAY_NAMES,
  WEEKDAYS,
  type Weekday,
} from '../../shared/planning/reminder-slots';
import { cleanText } from '../../shared/text/clean-text';
import { pushStatus, turnOffPush, turnOnPush } from './push-reminders';
import { saveStudySlots, useStudySlots } from './study-slots-doc';

export function StudySlotsSection() {
  const studySlots = useStudySlots();
  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Study reminders</h2>
      <p>
        Pick the times you can usually study. Pocket CPD can remind you then, but only when there is something
        to do: refreshers that are due, or a lesson you started.
      </p>
      {studySlots && <SlotList studySlots={studySlots} />}
      {studySlots && <AddSlotForm slots={studySlots.slots} />}
      {studySlots && studySlots.slots.length > 0 && <CalendarDownload studySlots={studySlots} />}
      <PushPanel />
    </section>
  );
}

function SlotList({ studySlots }: { studySlots: StudySlots }) {
  const { slots, timeZone } = studySlots;
  if (slots.length === 0) return <p>You have no study slots yet.</p>;
  return (
    <>
      <p className="meta">Times are in your time zone, {timeZone}.</p>
      <ul aria-label="Your study slots">
        {slots.map((slot) => (
          <li key={slot.id}>
            {describeSlot(slot)}{' '}
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Remove ${describeSlot(slot)}`}
              onClick={() =>
                void writeErrors.run(() => saveStudySlots(slots.filter((s) => s.id !== slot.id)))
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function AddSlotForm({ slots }: { slots: readonly StudySlot[] }) {
  const [days, setDays] = useState<Weekday[]>([]);
  const [time, setTime] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const timeId = useId();
  const labelId = useId();
  const full = slots.length >= MAX_SLOTS;

  const toggle = (day: Weekday) =>
    setDays((d) => (d.includes(day) ? d.filter((x) => x !== day) : [...d, day]));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (days.length === 0) return setError('Choose at least one day.');
    if (!studySlotSchema.shape.time.safeParse(time).success)
      return setError('Enter a time, for example 12:10.');
    const slot: StudySlot = { id: crypto.randomUUID().slice(0, 8), days, time };
    const cleanLabel = cleanText(label, MAX_SLOT_LABEL);
    if (cleanLabel) slot.label = cleanLabel;
    setError('');
    // A failed save is told by the app-wide alert (out of space or not); the form keeps what was typed.
    if (!(await writeErrors.run(() => saveStudySlots([...slots, slot])))) return;
    setDays([]);
    setTime('');
    setLabel('');
  };

  if (full) return <p>You have {MAX_SLOTS} study slots, the most there can be. Remove one to add another.</p>;
  const quiet = time && inQuietHours(minutesOf(time));
  return (
    <form onSubmit={(e) => void add(e)} noValidate aria-label="Add a study slot">
      <fieldset className="choice">
        <legend>Days</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="option">
            <input type="checkbox" checked={days.includes(day)} onChange={() => toggle(day)} />
            <span>{WEEKDAY_NAMES[day]}</span>
          </label>
        ))}
      </fieldset>
      <div className="field field--stacked">
        <label htmlFor={timeId}>Time</label>
        <input id={timeId} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
      </div>
      {quiet && (
        <p className="meta">
          Reminders are never sent between {QUIET_HOURS.start} and {QUIET_HOURS.end}. This slot will still be
          in your calendar file.
        </p>
      )}
      <div className="field field--stacked">
        <label htmlFor={labelId}>Label (optional)</label>
        <input
          id={labelId}
          type="text"
          maxLength={MAX_SLOT_LABEL}
          value={label}
          placeholder="my free period"
          onChange={(e) => setLabel(e.target.value)}
        />
      </div>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button">
        Add study slot
      </button>
    </form>
  );
}

function CalendarDownload({ studySlots }: { studySlots: StudySlots }) {
  const download = () => {
    const ics = studySlotsIcs(studySlots.slots, studySlots.timeZone, new Date());
    saveFile(new Blob([ics], { type: 'text/calendar;charset=utf-8' }), ICS_FILE_NAME);
  };
  return (
    <p>
      <button type="button" className="button button--quiet" onClick={download}>
        Add my study slots to my calendar
      </button>{' '}
      <span className="meta">No account needed: your calendar app will remind you at each slot.</span>
    </p>
  );
}

type PushState =
  | { kind: 'checking' }
  | { kind: 'unavailable'; availability: Exclude<PushAvailability, { kind: 'ready' }> }
  | { kind: 'signed-out' }
  | { kind: 'off'; message?: string }
  | { kind: 'on' };

function PushPanel() {
  const [state, setState] = useState<PushState>({ kind: 'checking' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      const availability = pushAvailability();
      const next: PushState =
        availability.kind !== 'ready' ? { kind: 'unavailable', availability } : { kind: await pushStatus() };
      if (live) setState(next);
    })();
    return () => {
      live = false;
    };
  }, []);

  const change = async (turn: typeof turnOnPush) => {
    setBusy(true);
    const result = await turn();
    setBusy(false);
    if (turn === turnOnPush) setState(result.ok ? { kind: 'on' } : { kind: 'off', message: result.message });
    else setState({ kind: 'off' });
  };

  const rules = `At most ${WEEKLY_CAP} reminders a week, and none between ${QUIET_HOURS.start} and ${QUIET_HOURS.end}.`;
  switch (state.kind) {
    case 'checking':
      return null;
    case 'unavailable':
      return <p role="status">{unavailableText(state.availability)}</p>;
    case 'signed-out':
      return (
        <p>
          Reminders on this device come from the sync server:{' '}
          <Link to="/settings/sync">sign in under Back up and sync</Link> to turn them on, or use the calendar
          file.
        </p>
      );
    case 'on':
      return (
        <>
          <p role="status">Reminders are on for this device. {rules}</p>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => void change(turnOffPush)}
          >
            Turn off reminders on this device
          </button>
        </>
      );
    case 'off':
      return (
        <>
          <p>{rules}</p>
          {state.message && (
            <p role="alert" className="alert">
              {state.message}
            </p>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => void change(turnOnPush)}>
            Turn on reminders on this device
          </button>
        </>
      );
  }
}

function unavailableText(availability: Exclude<PushAvailability, { kind: 'ready' }>): string {
  switch (availability.kind) {
    case 'ios-not-installed':
      return 'On iPhone and iPad, reminders need Pocket CPD on your Home Screen: in Safari tap Share, then Add to Home Screen, and open Pocket CPD from there. Until then, use the calendar file.';
    case 'blocked':
      return 'Notifications are blocked for Pocket CPD in this browser. Allow them in the browser’s site settings to get reminders, or use the calendar file.';
    case 'unsupported':
      return 'This browser cannot receive reminders. Use the calendar file instead.';
  }
}
