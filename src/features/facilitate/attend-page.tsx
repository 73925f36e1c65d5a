// Joining a facilitated session on one's own phone: the code (from the screen or the QR code's link), what
// the session is, and one button that records it in the learner's own CPD record. Needs an account and a
// signal: the server checks the code.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { format } from '../../lib/text/format';
import { joinPath, readJoinCode } from '../../shared/protocol/join-code';
import type { SessionPreview } from '../../shared/protocol/session-protocol';
import { appSync } from '../../sync/app-sync';

type Step =
  | { state: 'idle' }
  | { state: 'looking' }
  | { state: 'found'; preview: SessionPreview }
  | { state: 'joined'; preview: SessionPreview }
  | { state: 'problem'; message: string };

export function AttendPage() {
  const { code = '' } = useParams();
  const stored = useLiveQuery(async () => (await metaRepo.get('session')) ?? null, []);
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const ids = { code: useId(), error: useId() };
  const signedIn = Boolean(stored?.token);

  useEffect(() => {
    if (!code || !signedIn) return;
    let cancelled = false;
    setStep({ state: 'looking' });
    appSync.sessions
      .preview(code)
      .then((answer) => {
        if (cancelled) return;
        setStep(
          answer.ok
            ? { state: 'found', preview: answer.value }
            : { state: 'problem', message: problemText(answer.failure) },
        );
      })
      .catch(() => !cancelled && setStep({ state: 'problem', message: 'Something went wrong. Try again.' }));
    return () => {
      cancelled = true;
    };
  }, [code, signedIn]);

  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    const parsed = readJoinCode(typed);
    if (!parsed) {
      setStep({ state: 'problem', message: 'A join code is 6 letters and digits, as shown on the screen.' });
      return;
    }
    void navigate(joinPath(parsed));
  };

  const join = async (preview: SessionPreview) => {
    const answer = await appSync.sessions.attend(code);
    if (!answer.ok) {
      setStep({ state: 'problem', message: problemText(answer.failure) });
      return;
    }
    const { sessionId, moduleId, lessonIds, checks, minutes } = answer.value;
    const [first] = lessonIds;
    if (first)
      await eventsRepo.record('session-attended', first, { sessionId, moduleId, lessonIds, checks, minutes });
    setStep({ state: 'joined', preview });
  };

  return (
    <>
      <PageHeading title="Join a session" />
      {stored === undefined ? null : !signedIn ? (
        <p>
          To have a session counted in your CPD record,{' '}
          <Link to="/settings/sync">sign in or create an account</Link> first, then open this page again. Or
          ask the person running the session to tick your name.
        </p>
      ) : (
        <>
          {step.state === 'found' && (
            <section aria-labelledby="session-heading" className="card">
              <h2 id="session-heading">{step.preview.title}</h2>
              <p>
                Run by {step.preview.facilitatorName || 'a colleague'} on{' '}
                {format.date(step.preview.startedAt)}, about {format.minutes(step.preview.minutes)}.
              </p>
              <button type="button" className="button" onClick={() => void join(step.preview)}>
                Add this session to my record
              </button>
            </section>
          )}
          {step.state === 'joined' && (
            <section aria-labelledby="joined-heading" className="card" role="status">
              <h2 id="joined-heading">You are in</h2>
              <p>
                “{step.preview.title}” is in <Link to="/record">your CPD record</Link>. Questions from it will
                come back as refreshers. Follow-up on {format.date(`${step.preview.followUpOn}T12:00:00Z`)}.
              </p>
            </section>
          )}
          {step.state === 'looking' && <p role="status">Looking for the session…</p>}
          {step.state !== 'joined' && step.state !== 'found' && step.state !== 'looking' && (
            <form onSubmit={lookUp} noValidate>
              <label htmlFor={ids.code}>Join code</label>
              <div className="attendance__add">
                <input
                  id={ids.code}
                  className="text-input"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  aria-invalid={step.state === 'problem' ? true : undefined}
                  aria-describedby={step.state === 'problem' ? ids.error : undefined}
                />
                <button type="submit" className="button">
                  Find the session
                </button>
              </div>
            </form>
          )}
          {step.state === 'problem' && (
            <p id={ids.error} className="field__error" role="alert">
              {step.message}
            </p>
          )}
        </>
      )}
    </>
  );
}

function problemText(failure: 'signed-out' | { kind: string; code: string; message: string }): string {
  if (failure === 'signed-out') return 'Sign in first, then try again.';
  if (failure.kind === 'network') return 'There is no connection. Joining needs one: try again in a moment.';
  if (failure.code === 'session_not_found')
    return 'There is no session with that code. Check it on the screen.';
  if (failure.code === 'session_ended') return 'That session has ended, so its code no longer works.';
  return failure.message;
}
