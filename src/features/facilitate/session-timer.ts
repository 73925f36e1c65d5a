// What the presenter's clock says: time since the session started, against the plan for the slide on
// screen. Pure, so the slides and the presenter view say the same and a table test can check it.

export type TimerView = {
  /** Elapsed time as `m:ss`. */
  elapsed: string;
  /** The session's planned length as `m:ss`. */
  planned: string;
  /** Against the plan for this slide: "On time", "2 min behind", "1 min ahead". */
  pace: string;
  /** True once the session has run past its planned length. */
  over: boolean;
};

const MINUTE_MS = 60_000;

/**
 * `slideStart` and `slideMinutes` are the plan for the slide on screen: on time while the clock is
 * anywhere within that slide's planned span, behind once past its end, ahead before its start.
 * Whole minutes, rounded down, so half a minute either way is still "On time".
 */
export function timerView(
  elapsedMs: number,
  slideStart: number,
  slideMinutes: number,
  totalMinutes: number,
): TimerView {
  const elapsedMin = elapsedMs / MINUTE_MS;
  const behind = Math.floor(elapsedMin - (slideStart + slideMinutes));
  const ahead = Math.floor(slideStart - elapsedMin);
  const pace = behind >= 1 ? `${behind} min behind` : ahead >= 1 ? `${ahead} min ahead` : 'On time';
  return {
    elapsed: clock(elapsedMs),
    planned: clock(totalMinutes * MINUTE_MS),
    pace,
    over: elapsedMin > totalMinutes,
  };
}

function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
