import { useEffect, useRef, useState } from 'react';
import type { ApiFailure } from '../../api/api-client';
import { type IssuedResetCode, LEADER_RESET_HOURS } from '../../shared/protocol/leader-reset-protocol';
import { failureText } from './failure-text';
import { callTeam } from './team-calls';
import './reset-code.css';

type Step =
  | { name: 'idle' }
  | { name: 'working' }
  | { name: 'failed'; failure: ApiFailure }
  | { name: 'shown'; issued: IssuedResetCode }
  | { name: 'cancelled' };

/** "Tuesday 3 March at 09:00" (built from parts: browsers join them differently). */
function untilText(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} at ${part('hour')}:${part('minute')}`;
}

/**
 * On a person's page, for a leader who may reset them (docs/teams.md): a one-time code the person types on
 * "Forgotten your password?" to choose a new password. The leader never sees or sets the password; the
 * code is shown here once, and making another stops it working.
 */
export function ResetCodeCard({
  teamId,
  learnerId,
  name,
}: {
  teamId: string;
  learnerId: string;
  name: string;
}) {
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const codeHeading = useRef<HTMLHeadingElement>(null);
  const cancelledNote = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (step.name === 'shown') codeHeading.current?.focus();
    // The button pressed went with the code: the news takes the focus, so it is not lost to the page.
    if (step.name === 'cancelled') cancelledNote.current?.focus();
  }, [step]);

  const cancel = async () => {
    setStep({ name: 'working' });
    const result = await callTeam((calls) => calls.cancelResetCode(teamId, learnerId));
    setStep(result.ok ? { name: 'cancelled' } : { name: 'failed', failure: result.failure });
  };

  const issue = async () => {
    setStep({ name: 'working' });
    const result = await callTeam((calls) => calls.issueResetCode(teamId, learnerId));
    setStep(
      result.ok ? { name: 'shown', issued: result.value } : { name: 'failed', failure: result.failure },
    );
  };

  return (
    <section className="card" aria-labelledby="reset-code-title">
      <h2 id="reset-code-title">Password reset code</h2>
      {step.name === 'shown' ? (
        <>
          <h3 ref={codeHeading} tabIndex={-1}>
            Reset code for {name}
          </h3>
          <p className="reset-code">{step.issued.code}</p>
          <p>
            It works once, until {untilText(step.issued.expiresAt)}. It is shown only now: write it down or
            read it out to {name}.
          </p>
          <p>Tell {name}:</p>
          <ol>
            <li>
              In Pocket CPD, go to Settings, then Back up and sync, then “Forgotten your password?”, and
              choose “A code from my team leader”.
            </li>
            <li>
              Enter the email address of your account, this code, and a new password of your own choosing.
            </li>
            <li>Every other device you use will be signed out: sign in there with the new password.</li>
          </ol>
          <p>
            Give the code in person or by phone, not by email or a group chat. If it gets lost, make another:
            the new code replaces this one.
          </p>
          <div className="reset-code__actions">
            <button type="button" className="button button--quiet" onClick={() => void issue()}>
              Make a new code instead
            </button>
            <button type="button" className="button button--quiet" onClick={() => void cancel()}>
              Cancel this code
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            If {name} has forgotten their password and has no recovery codes or reset email, you can give them
            a one-time code to choose a new password themselves. You never see or set their password. First
            check that it really is {name} asking: in person, or on a phone number you already know.
          </p>
          <p>
            The code works once, for {LEADER_RESET_HOURS} hours, and only while {name} is in this team. {name}{' '}
            will see in their settings that you made one.
          </p>
          {step.name === 'cancelled' && (
            <p ref={cancelledNote} tabIndex={-1} role="status">
              The code is cancelled: it no longer works. {name} will see in their settings that it was
              cancelled.
            </p>
          )}
          {step.name === 'failed' && (
            <p className="alert" role="alert">
              {failureText(step.failure)}
            </p>
          )}
          <div className="reset-code__actions">
            <button
              type="button"
              className="button"
              disabled={step.name === 'working'}
              onClick={() => void issue()}
            >
              {step.name === 'working' ? 'Working…' : `Make a reset code for ${name}`}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={step.name === 'working'}
              onClick={() => void cancel()}
            >
              Cancel a code I made earlier
            </button>
          </div>
        </>
      )}
    </section>
  );
}
