import { useEffect, useRef, useState } from 'react';
import { appSync } from '../../sync/app-sync';

type Mode = 'here' | 'everywhere';
type Step =
  | { name: 'closed' }
  | { name: 'checking'; mode: Mode }
  | { name: 'ask'; mode: Mode; waiting: number; refused: number }
  | { name: 'working'; mode: Mode }
  | { name: 'failed'; mode: Mode; message: string };

type Props = { onSignedOut: (message: string) => void };

/**
 * Sign out (here or everywhere). It first tries to sync, then asks whether to keep this learner's progress on
 * the device or remove it — a shared device should not keep it. When items still wait to sync, it says so:
 * kept, they would go to the next account that signs in here; removed, they are lost.
 */
export function SignOutPanel({ onSignedOut }: Props) {
  const [step, setStep] = useState<Step>({ name: 'closed' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step.name === 'ask' || step.name === 'failed') headingRef.current?.focus();
  }, [step.name]);

  const begin = async (mode: Mode) => {
    setStep({ name: 'checking', mode });
    try {
      const sync = await appSync.load();
      await sync.syncNow();
      const status = sync.status.get();
      setStep({
        name: 'ask',
        mode,
        waiting: status.waiting + status.conflicts,
        refused: status.rejected.length,
      });
    } catch {
      setStep({
        name: 'failed',
        mode,
        message: 'Sync could not start on this device. Reload the app and try again.',
      });
    }
  };

  const finish = async (mode: Mode, remove: boolean) => {
    setStep({ name: 'working', mode });
    const sync = await appSync.load();
    // Signing out here always works (the server is told when it can be reached, else the token expires);
    // signing out everywhere needs the server.
    const result = mode === 'here' ? await sync.account.signOut() : await sync.account.signOutEverywhere();
    if (!result.ok && mode === 'everywhere') {
      setStep({
        name: 'failed',
        mode,
        message:
          result.failure.kind === 'network'
            ? "Can't reach the server. Signing out of every device needs a connection; try again when you're online."
            : `The server could not sign you out everywhere: ${result.failure.message}`,
      });
      return;
    }
    try {
      if (remove) await sync.removeLearnerData();
    } catch {
      onSignedOut(
        'Signed out, but your progress could not be removed from this device. Try again from this page.',
      );
      return;
    }
    const where = mode === 'here' ? 'Signed out.' : 'Signed out on every device.';
    onSignedOut(
      remove
        ? `${where} Your progress was removed from this device.`
        : `${where} Your progress stays on this device.`,
    );
  };

  if (step.name === 'closed' || step.name === 'checking') {
    const checking = step.name === 'checking';
    return (
      <p className="button-row">
        <button
          type="button"
          className="button button--quiet"
          disabled={checking}
          onClick={() => void begin('here')}
        >
          {checking && step.mode === 'here' ? 'Syncing before you sign out…' : 'Sign out'}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={checking}
          onClick={() => void begin('everywhere')}
        >
          {checking && step.mode === 'everywhere' ? 'Syncing before you sign out…' : 'Sign out everywhere'}
        </button>
      </p>
    );
  }

  if (step.name === 'failed') {
    return (
      <section className="card" aria-labelledby="sign-out-title">
        <h3 id="sign-out-title" ref={headingRef} tabIndex={-1}>
          Still signed in
        </h3>
        <p role="alert">{step.message}</p>
        <button type="button" className="button button--quiet" onClick={() => setStep({ name: 'closed' })}>
          OK
        </button>
      </section>
    );
  }

  const working = step.name === 'working';
  const waiting = step.name === 'ask' ? step.waiting : 0;
  const refused = step.name === 'ask' ? step.refused : 0;
  return (
    <section className="card" aria-labelledby="sign-out-title">
      <h3 id="sign-out-title" ref={headingRef} tabIndex={-1}>
        {step.mode === 'here' ? 'Sign out of this device' : 'Sign out on every device'}
      </h3>
      {waiting > 0 ? (
        <div className="alert">
          <p className="alert__title">
            {waiting === 1 ? '1 change has' : `${waiting} changes have`} not reached the server yet
          </p>
          <p>
            If you remove your progress from this device now, {waiting === 1 ? 'it is' : 'they are'} lost. If
            you keep it here and someone else signs in here after you, {waiting === 1 ? 'it' : 'they'} will be
            added to their account: colleagues sharing this device should each add themselves under Settings →
            People on this device, so nobody else signs in where your progress waits. You can stay signed in
            and try again when you are online.
          </p>
        </div>
      ) : (
        <p>Everything is synced. Sign in again on any device to get your progress back.</p>
      )}
      {refused > 0 && (
        <p className="meta">
          {refused === 1 ? '1 item was' : `${refused} items were`} not accepted by the server and only exist
          on this device.
        </p>
      )}
      <p>Does anyone else use this device? Then remove your progress from it.</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={working}
          onClick={() => void finish(step.mode, true)}
        >
          Sign out and remove my progress from this device
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={working}
          onClick={() => void finish(step.mode, false)}
        >
          Sign out and keep my progress on this device
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={working}
          onClick={() => setStep({ name: 'closed' })}
        >
          Stay signed in
        </button>
      </div>
    </section>
  );
}
