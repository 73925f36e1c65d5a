import { type FormEvent, useId, useRef, useState } from 'react';
import { TextField } from '../../components/text-field';
import { format } from '../../lib/text/format';
import type { XapiForward } from '../../shared/protocol/xapi-protocol';
import { type ForwardField, failureText, forwardRefusalField } from './failure-text';
import { callTeam, useTeamRead } from './team-calls';

type Fields = Record<ForwardField, string>;
const EMPTY: Fields = { endpoint: '', keyName: '', keySecret: '' };
const MISSING: Record<keyof Fields, string> = {
  endpoint: 'Give the address of your trust’s or college’s LRS, as its administrator gave it.',
  keyName: 'Give the key (user name) the LRS made for Pocket CPD.',
  keySecret: 'Give the secret (password) of that key.',
};

/**
 * The manage page's xAPI forwarding (docs/xapi.md, "Forwarding"): the team's external LRS, how delivery is
 * going (last delivery and any error), changing it and stopping it. The secret is typed here and never
 * shown again: the server keeps it to send, and no answer carries it.
 */
export function TeamXapiForward({ teamId, teamName }: { teamId: string; teamName: string }) {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const read = useTeamRead(`xapi-forward:${teamId}`, (calls) => calls.xapiForward(teamId));
  const [editing, setEditing] = useState(false);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [invalid, setInvalid] = useState<Partial<Record<keyof Fields, string>>>({});
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [confirmingStop, setConfirmingStop] = useState(false);
  const [working, setWorking] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const missing = Object.fromEntries(
      (Object.keys(MISSING) as (keyof Fields)[])
        .filter((name) => !fields[name].trim())
        .map((name) => [name, MISSING[name]]),
    );
    setInvalid(missing);
    if (Object.keys(missing).length > 0) return;
    setWorking(true);
    setError('');
    setNotice('');
    const result = await callTeam((calls) =>
      calls.setXapiForward(teamId, {
        endpoint: fields.endpoint.trim(),
        keyName: fields.keyName.trim(),
        keySecret: fields.keySecret,
      }),
    );
    setWorking(false);
    if (!result.ok) {
      const at = forwardRefusalField(result.failure);
      if (at) {
        setInvalid({ [at]: failureText(result.failure) });
        const field = formRef.current?.elements.namedItem(at);
        if (field instanceof HTMLElement) field.focus();
      } else setError(failureText(result.failure));
      return;
    }
    setFields(EMPTY);
    setEditing(false);
    setNotice(
      `Forwarding to ${result.value.forward?.endpoint ?? 'the LRS'} is on: it starts within a minute.`,
    );
    if (read.state !== 'loading') read.reload();
  };

  const stop = async () => {
    setWorking(true);
    setError('');
    const result = await callTeam((calls) => calls.stopXapiForward(teamId));
    setWorking(false);
    setConfirmingStop(false);
    if (!result.ok) {
      setError(failureText(result.failure));
      return;
    }
    setNotice('Forwarding is stopped. What the LRS already holds stays there.');
    if (read.state !== 'loading') read.reload();
  };

  const forward = read.state === 'ready' ? read.value.forward : undefined;
  const field = (name: ForwardField, label: string, type: 'url' | 'text' | 'password') => (
    <TextField
      label={label}
      error={invalid[name]}
      name={name}
      type={type}
      value={fields[name]}
      autoComplete={type === 'password' ? 'new-password' : 'off'}
      onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
    />
  );

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Send records to your trust’s or college’s LRS</h2>
      <p>
        Pocket CPD can send {teamName}’s completions to a learning record store (LRS) your trust or college
        runs, as xAPI statements: who completed which lesson or attended which session, and on which day.
        Nothing else goes: no answers, notes, confidence or times of day. A member who leaves stops being
        sent.
      </p>
      <div role="alert">{error && <p className="alert">{error}</p>}</div>
      <p role="status">{notice}</p>
      {read.state === 'loading' ? (
        <p>Looking for the team’s LRS…</p>
      ) : read.state === 'failed' ? (
        <p>
          {failureText(read.failure)}{' '}
          <button type="button" className="button button--quiet" onClick={read.reload}>
            Try again
          </button>
        </p>
      ) : forward ? (
        <ForwardState forward={forward} />
      ) : (
        <p>Not sending to an LRS.</p>
      )}
      {forward && !editing && (
        <p>
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Change the LRS or its key
          </button>{' '}
          {confirmingStop ? (
            <span>
              Stop sending? What the LRS already holds stays there.{' '}
              <button type="button" className="button" disabled={working} onClick={() => void stop()}>
                Yes, stop forwarding
              </button>{' '}
              <button type="button" className="button button--quiet" onClick={() => setConfirmingStop(false)}>
                Keep forwarding
              </button>
            </span>
          ) : (
            <button type="button" className="button button--quiet" onClick={() => setConfirmingStop(true)}>
              Stop forwarding
            </button>
          )}
        </p>
      )}
      {read.state === 'ready' && (!forward || editing) && (
        <form ref={formRef} className="account-form" noValidate onSubmit={(e) => void save(e)}>
          {field('endpoint', 'LRS address (xAPI endpoint)', 'url')}
          {field('keyName', 'Key (user name)', 'text')}
          {field('keySecret', 'Secret (password)', 'password')}
          <p>The secret is kept on the server only to send with each statement; it is not shown again.</p>
          <button type="submit" className="button" disabled={working}>
            Start forwarding
          </button>
        </form>
      )}
    </section>
  );
}

function ForwardState({ forward }: { forward: XapiForward }) {
  return (
    <>
      <p>
        Sending to <code>{forward.endpoint}</code> with the key <code>{forward.keyName}</code>.
      </p>
      {!forward.active && (
        <p className="alert">
          Stopped: the leader who set this up no longer leads the team. Set it up again to restart it.
        </p>
      )}
      <p>
        {forward.lastDeliveryAt
          ? `Last delivered on ${format.date(forward.lastDeliveryAt)}.`
          : 'Nothing delivered yet.'}{' '}
        {forward.sent} sent, {forward.pending} waiting
        {forward.refused > 0 ? `, ${forward.refused} refused by the LRS` : ''}.
      </p>
      {forward.lastError && forward.lastErrorAt && (
        <p>
          Last problem, on {format.date(forward.lastErrorAt)}: {forward.lastError}. Waiting statements are
          tried again, less often each time.
        </p>
      )}
    </>
  );
}
