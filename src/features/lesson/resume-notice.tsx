import type { Resumed } from './use-reading-position';

type Props = { resumed: NonNullable<Resumed>; sections: number; onStartOver: () => void };

const part = (resumed: NonNullable<Resumed>, sections: number) => `part ${resumed.index + 1} of ${sections}`;

/** Says where the lesson reopened, with a way back to its beginning. */
export function ResumeNotice({ resumed, sections, onStartOver }: Props) {
  return (
    <div className="app-notice no-print" role="status">
      <p>
        You are back where you left off: “{resumed.section.title}”. This is {part(resumed, sections)}.{' '}
        <button type="button" className="button button--quiet" onClick={onStartOver}>
          Start from the beginning
        </button>
      </p>
    </div>
  );
}

/**
 * After a resume the notice above is scrolled away with the header: this line stays at the foot of the
 * screen while the lesson is on it, with the place the lesson reopened at and a way back up. It sits in
 * the page's flow at the end of the lesson, so it never covers the lesson's last buttons.
 */
export function ResumePlace({ resumed, sections, onStartOver }: Props) {
  return (
    <nav className="resume-place no-print" aria-label="Where you are">
      <span>
        Reopened at {part(resumed, sections)}: “{resumed.section.title}”
      </span>
      <button type="button" className="button button--quiet" onClick={onStartOver}>
        Back to the top
      </button>
    </nav>
  );
}
