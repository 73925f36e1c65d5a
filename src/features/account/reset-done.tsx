import { useEffect, useRef } from 'react';
import { Link } from 'react-router';

/** After either reset: the learner is signed in here, and signed out everywhere else. */
export function ResetDone({ byCode }: { byCode: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="card" aria-labelledby="reset-done-title">
      <h2 id="reset-done-title" ref={ref} tabIndex={-1}>
        Your new password is set
      </h2>
      <p>
        You are signed in on this device, and your progress syncs again. Every other device was signed out:
        sign in there with your new password.
      </p>
      {byCode && (
        <p>
          The recovery code you used is now spent. When you run low, make new codes in{' '}
          <Link to="/settings/sync">Back up and sync</Link>.
        </p>
      )}
      <p>
        <Link to="/">Go to Today</Link>
      </p>
    </section>
  );
}
