import { minutesText } from '../../shared/text/minutes-text';

// Built on first use: creating an Intl formatter costs ~30 ms on a slow phone, and every page imports this
// file, so doing it at load time sat on the critical path of a cold start.
let dateFormat: Intl.DateTimeFormat | undefined;
const dateFormatter = () =>
  (dateFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }));

/** Display formats in UK English. */
export const format = {
  date: (iso: string): string => dateFormatter().format(new Date(iso)),
  minutes: minutesText,
  /** Time actually spent, rounded to whole minutes but never shown as zero when there was some. */
  duration(ms: number): string {
    const minutes = Math.round(ms / 60_000);
    if (ms > 0 && minutes === 0) return 'under a minute';
    return format.minutes(minutes);
  },
  percent: (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100)),
};
