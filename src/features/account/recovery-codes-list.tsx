import { useEffect, useId, useRef } from 'react';
import { saveFile } from '../../lib/browser/save-file';
import './account.css';

type Props = { codes: string[]; onDone: () => void; doneLabel?: string };

/** The text file "Save as a file" writes: the codes with a line on how to use them. */
export function recoveryCodesText(codes: string[], made: Date): string {
  return [
    'Pocket CPD recovery codes',
    `Made ${made.toISOString().slice(0, 10)}. Each code works once. Making new codes stops these working.`,
    'Forgotten your password? On the sign-in page choose "Forgotten your password?" and use one of these.',
    '',
    ...codes,
    '',
  ].join('\r\n');
}

/**
 * The ten codes, shown once: to print, save as a file or write down. The heading takes focus so a screen
 * reader announces them.
 */
export function RecoveryCodesList({ codes, onDone, doneLabel = 'I have kept my codes' }: Props) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="card recovery-codes" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        Your recovery codes
      </h2>
      <p>
        If you forget your password, one of these codes gets you back in. Each code works once. Keep them
        somewhere safe away from this device: print them, save them as a file, or write them down. They are
        shown only now.
      </p>
      <ol className="recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row no-print">
        <button type="button" className="button button--quiet" onClick={() => window.print()}>
          Print
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() =>
            saveFile(
              new Blob([recoveryCodesText(codes, new Date())], { type: 'text/plain;charset=utf-8' }),
              'pocket-cpd-recovery-codes.txt',
            )
          }
        >
          Save as a file
        </button>
        <button type="button" className="button" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </section>
  );
}
