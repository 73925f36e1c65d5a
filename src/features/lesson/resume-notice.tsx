import type { Resumed } from './use-reading-position';

type Props = { resumed: NonNullable<Resumed>; onStartOver: () => void };

/** Says where the lesson reopened, with a way back to its beginning. */
export function ResumeNotice({ resumed, onStartOver }: Props) {
  return (
    <div className="app-notice no-print" role="status">
      <p>
        You are back where you left off: “{resumed.section.title}”.{' '}
        <button type="button" className="button button--quiet" onClick={onStartOver}>
          Start from the beginning
        </button>
      </p>
    </div>
  );
}
