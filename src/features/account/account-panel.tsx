import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Loading } from '../../components/loading';
import { appSync } from '../../sync/app-sync';
import { AccountDetails } from './account-details';
import { AccountForm } from './account-form';
import { LeaderCodesCard } from './leader-codes-card';
import { MyXapiKeys } from './my-xapi-keys';
import { RecoveryCodesCard } from './recovery-codes-card';
import { RecoveryCodesList } from './recovery-codes-list';
import { SignOutPanel } from './sign-out-panel';
import { useSession } from './use-session';
import './account.css';

/**
 * "Back up and sync": create an account or sign in, and once signed in, sign out (here or everywhere).
 * Everything in the app works without an account; this only adds a copy on the server and other devices.
 */
export function AccountPanel() {
  const session = useSession();
  // The welcome's "I already have an account" and the lost-data notice open the sign-in form.
  const signInAsked = new URLSearchParams(useLocation().search).has('sign-in');
  const [choice, setChoice] = useState<'create' | 'sign-in'>(signInAsked ? 'sign-in' : 'create');
  const [notice, setNotice] = useState('');
  // The codes made with a new account, shown once until the learner says they have kept them.
  const [newCodes, setNewCodes] = useState<string[] | 'making' | null>(null);

  const makeFirstCodes = async (password: string) => {
    setNewCodes('making');
    try {
      const result = await (await appSync.load()).recovery.makeRecoveryCodes(password);
      if (result.ok) {
        setNewCodes(result.value.codes);
        return;
      }
    } catch {
      // Said below: the card can make them later.
    }
    setNewCodes(null);
    setNotice('Your account is ready. Make your recovery codes below when you are back online.');
  };

  // The forms and the status need the engine; load it now rather than on the first tap.
  useEffect(() => {
    appSync.load().catch(() => undefined);
  }, []);

  const notices = (
    <p role="status" className={notice ? 'notice' : undefined}>
      {notice}
    </p>
  );

  if (session.state === 'loading') return <Loading what="your account" />;

  if (session.state === 'signed-in') {
    if (newCodes === 'making') return <Loading what="your recovery codes" />;
    if (newCodes) {
      return <RecoveryCodesList codes={newCodes} onDone={() => setNewCodes(null)} />;
    }
    return (
      <>
        {notices}
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title">Your account</h2>
          <p>
            Signed in as <strong>{session.email ?? 'you'}</strong>. Your progress and notes are backed up and
            shared with your other devices.
          </p>
          <AccountDetails name={session.name} email={session.email} onChanged={setNotice} />
          <SignOutPanel onSignedOut={setNotice} />
        </section>
        <RecoveryCodesCard />
        <LeaderCodesCard />
        <MyXapiKeys />
        <p>
          <Link to="/settings/my-data">Your data</Link>: download everything the server holds about you, or
          delete your account.
        </p>
      </>
    );
  }

  if (session.state === 'paused') {
    return (
      <>
        {notices}
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title">Sign in again</h2>
          <p>
            Sync is paused because your session ended. Everything you did since is saved on this device and
            will sync when you sign in.
          </p>
          <AccountForm kind="sign-in" email={session.email} />
          <ForgottenLink />
          <SignOutPanel onSignedOut={setNotice} />
        </section>
      </>
    );
  }

  return (
    <>
      {notices}
      <p>
        Pocket CPD works fully without an account: your progress is saved on this device. With an account it
        is also backed up, and you can carry on from another phone, tablet or computer.
      </p>
      <div className="segmented">
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={choice === 'create'}
          onClick={() => setChoice('create')}
        >
          Create an account
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={choice === 'sign-in'}
          onClick={() => setChoice('sign-in')}
        >
          Sign in
        </button>
      </div>
      <section className="card" aria-labelledby="account-title">
        <h2 id="account-title">{choice === 'create' ? 'Create an account' : 'Sign in'}</h2>
        <AccountForm
          key={choice}
          kind={choice}
          onSwitch={choice === 'create' ? () => setChoice('sign-in') : undefined}
          onCreated={(password) => void makeFirstCodes(password)}
        />
        {choice === 'sign-in' && <ForgottenLink />}
      </section>
    </>
  );
}

function ForgottenLink() {
  return (
    <p>
      <Link to="/settings/sync/forgot">Forgotten your password?</Link>
    </p>
  );
}
