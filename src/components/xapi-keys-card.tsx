import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { format } from '../lib/text/format';
import type {
  CreatedXapiKey,
  CreateXapiKeyRequest,
  XapiKeysResponse,
} from '../shared/protocol/xapi-protocol';
import { TextField } from './text-field';

type Result<T> = { ok: true; value: T } | { ok: false; failure: { message: string } };

export type XapiKeyCalls = {
  list: () => Promise<Result<XapiKeysResponse>>;
  create: (body: CreateXapiKeyRequest) => Promise<Result<CreatedXapiKey>>;
  revoke: (keyId: string) => Promise<Result<unknown>>;
};

const UNREACHABLE = 'The server cannot be reached. Check the connection and try again.';

/**
 * xAPI keys (docs/xapi.md) for the learner's own records in Settings, or a team's on its manage page: the
 * keys held, a form for a new one (read-only unless asked), its secret shown once, and revoking.
 */
export function XapiKeysCard({
  title,
  intro,
  calls,
}: {
  title: string;
  intro: ReactNode;
  calls: XapiKeyCalls;
}) {
  const headingId = useId();
  const [keys, setKeys] = useState<XapiKeysResponse | 'loading' | 'failed'>('loading');
  const [made, setMade] = useState<CreatedXapiKey | null>(null);
  const [label, setLabel] = useState('');
  const [writable, setWritable] = useState(false);
  const [labelError, setLabelError] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const result = await calls.list();
      setKeys(result.ok ? result.value : 'failed');
    } catch {
      setKeys('failed');
    }
  }, [calls]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async <T,>(call: () => Promise<Result<T>>): Promise<{ value: T } | undefined> => {
    setWorking(true);
    setError('');
    try {
      const result = await call();
      if (!result.ok) {
        setError(result.failure.message);
        return undefined;
      }
      return { value: result.value };
    } catch {
      setError(UNREACHABLE);
      return undefined;
    } finally {
      setWorking(false);
    }
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setLabelError('Give the key a name, such as the tool that will use it.');
      return;
    }
    setLabelError('');
    const done = await run(() => calls.create({ label: label.trim(), writable }));
    if (done) {
      setMade(done.value);
      setLabel('');
      setWritable(false);
      await refresh();
    }
  };

  const revoke = async (keyId: string, keyLabel: string) => {
    const done = await run(() => calls.revoke(keyId));
    setConfirming(null);
    if (done) {
      setNotice(`${keyLabel} is revoked: tools using it are refused from now on.`);
      await refresh();
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {intro}
      <div role="alert">{error && <p className="alert">{error}</p>}</div>
      <p role="status">{notice}</p>
      {made && (
        <div className="xapi-secret">
          <h3>Your new key “{made.key.label}”</h3>
          <p>
            Copy these into the tool now: <strong>the secret is not shown again.</strong> If it is lost,
            revoke the key and make another.
          </p>
          <dl>
            <dt>Endpoint</dt>
            <dd>
              <code>{made.endpoint}</code>
            </dd>
            <dt>Key (user name)</dt>
            <dd>
              <code>{made.key.id}</code>
            </dd>
            <dt>Secret (password)</dt>
            <dd>
              <code>{made.secret}</code>
            </dd>
          </dl>
          <button type="button" className="button" onClick={() => setMade(null)}>
            I have copied it
          </button>
        </div>
      )}
      {keys === 'loading' ? (
        <p>Looking for your keys…</p>
      ) : keys === 'failed' ? (
        <p>
          The keys could not be read.{' '}
          <button type="button" className="button button--quiet" onClick={() => void refresh()}>
            Try again
          </button>
        </p>
      ) : keys.keys.length === 0 ? (
        <p>No keys yet.</p>
      ) : (
        <ul className="xapi-keys">
          {keys.keys.map((k) => (
            <li key={k.id}>
              <strong>{k.label}</strong> (<code>{k.id}</code>):{' '}
              {k.writable ? 'reads and adds statements' : 'reads only'}; made {format.date(k.createdAt)};{' '}
              {k.lastUsedAt ? `last used ${format.date(k.lastUsedAt)}` : 'not used yet'}.{' '}
              {confirming === k.id ? (
                <span>
                  Revoke it? Tools using it stop at once.{' '}
                  <button
                    type="button"
                    className="button"
                    disabled={working}
                    onClick={() => void revoke(k.id, k.label)}
                  >
                    Yes, revoke {k.label}
                  </button>{' '}
                  <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Revoke ${k.label}`}
                  onClick={() => setConfirming(k.id)}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="account-form" noValidate onSubmit={(e) => void create(e)}>
        <TextField
          label="Name of the tool that will use the key"
          error={labelError}
          value={label}
          maxLength={80}
          onChange={(e) => setLabel(e.target.value)}
        />
        <div className="field">
          <label>
            <input type="checkbox" checked={writable} onChange={(e) => setWritable(e.target.checked)} /> Let
            it add statements too (they are kept and shown, and never change progress)
          </label>
        </div>
        <button type="submit" className="button" disabled={working}>
          Make a key
        </button>
      </form>
    </section>
  );
}
