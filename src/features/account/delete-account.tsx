import { type FormEvent, useEffect, useRef, useState } from 'react';
import { appSync } from '../../sync/app-sync';
import { failureText } from './failure-text';
import { SERVER_UNREACHABLE } from './form-errors';
import { PasswordField } from './password-field';

type Step =
  | { name: 'closed' }
  | { name: 'ask'; error?: string }
  | { name: 'working' }
  | { name: 'deleted'; error?: string }
  | { name: 'finished'; message: string };

/**
 * Delete my account: asks for the password, deletes every row of the learner on the server, then offers to
 * keep or remove the copy on this device (a shared device should not keep it).
 */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [step, setStep] = useState<Step>({ name: 'closed' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step.name === 'deleted' || step.name === 'finished') headingRef.current?.focus();
  }, [step.name]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    if (!password) {
      setStep({ name: 'ask', error: 'Enter your password to delete your account.' });
      return;
    }
    setStep({ name: 'working' });
    try {
      const result = await (await appSync.load()).recovery.deleteAccount(password);
      if (result.ok) {
        setStep({ name: 'deleted' });
        onDeleted();
      } else setStep({ name: 'ask', error: failureText(result.failure, 'password') });
    } catch {
      setStep({ name: 'ask', error: SERVER_UNREACHABLE });
    }
  };

  const choose = async (remove: boolean) => {
    if (!remove) {
      setStep({
        name: 'finished',
        message:
          'Your progress stays on this device, without an account. You can delete it here at any time.',
      });
      return;
    }
    try {
      await (await appSync.load()).removeLearnerData();
      setStep({ name: 'finished', message: 'Your progress was removed from this device too.' });
    } catch {
      setStep({ name: 'deleted', error: 'Your progress could not be removed from this device. Try again.' });
    }
  };

  if (step.name === 'deleted' || step.name === 'finished') {
    return (
      <section className="card" aria-labelledby="deleted-title">
        <h2 id="deleted-title" ref={headingRef} tabIndex={-1}>
          Your account is deleted
        </h2>
        <p>Nothing of yours is left on the server, and every device was signed out.</p>
        {step.name === 'finished' ? (
          <p role="status">{step.message}</p>
        ) : (
          <>
            <p>
              Your progress and notes are still on this device. Keep them to carry on learning here without an
              account, or remove them, for example on a shared device.
            </p>
            {step.error && (
              <p role="alert" className="alert">
                {step.error}
              </p>
            )}
            <div className="button-row">
              <button type="button" className="button" onClick={() => void choose(true)}>
                Remove my progress from this device
              </button>
              <button type="button" className="button button--quiet" onClick={() => void choose(false)}>
                Keep my progress on this device
              </button>
            </div>
          </>
        )}
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete my account</h2>
      <p>
        This deletes your account and everything the server holds about you: your progress, notes, devices and
        reminders. It cannot be undone. Download your data first if you want a copy.
      </p>
      {step.name === 'closed' ? (
        <button type="button" className="button button--quiet" onClick={() => setStep({ name: 'ask' })}>
          Delete my account…
        </button>
      ) : (
        <form className="account-form" noValidate onSubmit={(e) => void submit(e)}>
          <PasswordField
            label="Your password"
            name="password"
            autoComplete="current-password"
            error={step.name === 'ask' ? step.error : undefined}
            autoFocus
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={step.name === 'working'}>
              {step.name === 'working' ? 'Deleting your account…' : 'Delete my account for good'}
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
