import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { format } from '../../lib/text/format';
import type { RecoveryCodesStatus } from '../../shared/protocol/recovery-protocol';
import { appSync } from '../../sync/app-sync';
import { failureText } from './failure-text';
import { SERVER_UNREACHABLE } from './form-errors';
import { PasswordField } from './password-field';
import { RecoveryCodesList } from './recovery-codes-list';
import './account.css';

type Step =
  | { name: 'closed' }
  | { name: 'ask'; error?: string }
  | { name: 'working' }
  | { name: 'shown'; codes: string[] };

/** Settings → Back up and sync, signed in: how many recovery codes are left, and a new set on request. */
export function RecoveryCodesCard() {
  const [status, setStatus] = useState<RecoveryCodesStatus | 'unknown' | null>(null);
  const [step, setStep] = useState<Step>({ name: 'closed' });

  const refresh = useCallback(async () => {
    try {
      const result = await (await appSync.load()).recovery.recoveryCodesStatus();
      setStatus(result.ok ? result.value : 'unknown');
    } catch {
      setStatus('unknown');
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    if (!password) {
      setStep({ name: 'ask', error: 'Enter your current password.' });
      return;
    }
    setStep({ name: 'working' });
    try {
      const result = await (await appSync.load()).recovery.makeRecoveryCodes(password);
      setStep(
        result.ok
          ? { name: 'shown', codes: result.value.codes }
          : { name: 'ask', error: failureText(result.failure, 'password') },
      );
    } catch {
      setStep({ name: 'ask', error: SERVER_UNREACHABLE });
    }
  };

  if (step.name === 'shown') {
    return (
      <RecoveryCodesList
        codes={step.codes}
        onDone={() => {
          setStep({ name: 'closed' });
          void refresh();
        }}
      />
    );
  }

  return (
    <section className="card" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">Recovery codes</h2>
      <p>
        {status === null
          ? 'Checking your recovery codes…'
          : status === 'unknown'
            ? 'If you forget your password, a recovery code gets you back in.'
            : status.remaining === 0
              ? 'You have no unused recovery codes. Make a set, so you can get back in if you forget your password.'
              : `You have ${status.remaining} unused recovery ${status.remaining === 1 ? 'code' : 'codes'}${
                  status.madeAt ? `, made on ${format.date(status.madeAt)}` : ''
                }.`}
      </p>
      {step.name === 'closed' ? (
        <button type="button" className="button button--quiet" onClick={() => setStep({ name: 'ask' })}>
          Make new recovery codes
        </button>
      ) : (
        <form className="account-form" noValidate onSubmit={(e) => void submit(e)}>
          <p>New codes replace the old ones: any codes you kept stop working.</p>
          <PasswordField
            label="Your current password"
            name="password"
            autoComplete="current-password"
            error={step.name === 'ask' ? step.error : undefined}
            autoFocus
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={step.name === 'working'}>
              {step.name === 'working' ? 'Making your codes…' : 'Make new codes'}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setStep({ name: 'closed' })}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
