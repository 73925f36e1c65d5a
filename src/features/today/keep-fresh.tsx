import { Link } from 'react-router';
import { format } from '../../lib/text/format';
import { REFRESHER_MINUTES } from '../../shared/planning/plan-slot';

/** The gentle monthly prompt (see useToday for when it shows): a few questions from finished lessons. */
export function KeepFresh({ due }: { due: number }) {
  const count = Math.min(due, 5);
  return (
    <section aria-labelledby="keep-fresh-heading" className="card">
      <h2 id="keep-fresh-heading">Keep it fresh</h2>
      <p>
        It has been a while since your last refresher. {count === 1 ? 'One question' : `${count} questions`}{' '}
        from lessons you completed will help you keep what you learned. About{' '}
        {format.minutes(count * REFRESHER_MINUTES)}.
      </p>
      <p>
        <Link className="button button--link" to={`/refresh?count=${count}`}>
          Start a refresher
        </Link>
      </p>
    </section>
  );
}
