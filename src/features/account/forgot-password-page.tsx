import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { isLeaderResetCode } from '../../shared/protocol/leader-reset-protocol';
import type { ResetOptions } from '../../shared/protocol/recovery-protocol';
import { appSync } from '../../sync/app-sync';
import { EmailLinkForm } from './email-link-form';
import { SERVER_UNREACHABLE } from './form-errors';
import { ResetDone } from './reset-done';
import { ResetWithCodeForm } from './reset-with-code-form';
import './account.css';

function leaderCodeProblem(code: string): string | undefined {
  if (!code) return 'Enter the code your team leader gave you.';
  if (!isLeaderResetCode(code))
    return 'A reset code has 10 letters and digits, like ABCDE-23456. Check it with your leader.';
  return undefined;
}

/**
 * "Forgotten your password?": a recovery code and a new password, a one-time code from a team leader and a
 * new password, or (when the server sends mail) a link by email.
 */
export function ForgotPasswordPage() {
  const [options, setOptions] = useState<ResetOptions | 'unreachable' | null>(null);
  const [way, setWay] = useState<'code' | 'leader' | 'email'>('code');
  const [done, setDone] = useState<'code' | 'leader' | null>(null);

  useEffect(() => {
    let live = true;
    appSync
      .load()
      .then((sync) => sync.recovery.resetOptions())
      .then((result) => live && setOptions(result.ok ? result.value : 'unreachable'))
      .catch(() => live && setOptions('unreachable'));
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHeading title="Forgotten your password?" />
      {done ? (
        <ResetDone byCode={done === 'code'} />
      ) : (
        <>
          <p>
            Nothing on this device is lost meanwhile: you can keep learning, and everything waits here to
            sync.
          </p>
          {options === 'unreachable' && (
            <p role="alert" className="alert">
              {SERVER_UNREACHABLE}
            </p>
          )}
          <div className="segmented">
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={way === 'code'}
              onClick={() => setWay('code')}
            >
              Use a recovery code
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={way === 'leader'}
              onClick={() => setWay('leader')}
            >
              A code from my team leader
            </button>
            {options !== null && options !== 'unreachable' && options.email && (
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={way === 'email'}
                onClick={() => setWay('email')}
              >
                Email me a link
              </button>
            )}
          </div>
          {way === 'code' ? (
            <ResetWithCodeForm
              key="code"
              title="Use a recovery code"
              titleId="code-title"
              intro={
                <p>
                  Use one of the ten codes you printed or saved when you made your account. Each code works
                  once.
                </p>
              }
              codeLabel="Recovery code"
              codeHint="Like 7KQ2-M9XD-40TR. Capitals and hyphens do not matter."
              checkCode={(code) => (code ? undefined : 'Enter one of your recovery codes.')}
              reset={async (values) => (await appSync.load()).recovery.resetWithRecoveryCode(values)}
              call="code"
              onDone={() => setDone('code')}
            />
          ) : way === 'leader' ? (
            <ResetWithCodeForm
              key="leader"
              title="A code from my team leader"
              titleId="leader-code-title"
              intro={
                <p>
                  The leader of your team (often your SENCO) can make you a one-time reset code from your page
                  on their team dashboard. It works once, for a day. Your leader never sees your new password.
                </p>
              }
              codeLabel="Reset code"
              codeHint="Like ABCDE-23456. Capitals, spaces and hyphens do not matter."
              checkCode={leaderCodeProblem}
              reset={async (values) => (await appSync.load()).recovery.resetWithLeaderCode(values)}
              call="leader"
              onDone={() => setDone('leader')}
            />
          ) : (
            <EmailLinkForm />
          )}
          <p>
            No codes, and no email? If you are in a team, ask its leader (often your SENCO) for a reset code.
            Otherwise ask the person who runs Pocket CPD for your school or setting: they can set a new
            password for you after checking who you are. <Link to="/settings/sync">Back to sign in</Link>
          </p>
        </>
      )}
    </>
  );
}
