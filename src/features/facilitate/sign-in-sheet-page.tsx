// A printable sign-in sheet, for settings that keep paper: the session, its date and lessons, and rows to
// sign. One A4 page of 20 rows; the facilitator prints more if the room is bigger.
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { format } from '../../lib/text/format';
import { localDay } from '../../shared/planning/calendar-day';
import { planOf } from './session-params';
import { useModuleLessons } from './use-module-lessons';

const ROWS = 20;

export function SignInSheetPage() {
  const { moduleId = '' } = useParams();
  const [params] = useSearchParams();
  const view = useModuleLessons(moduleId);
  const plan = useMemo(
    () => (view.state === 'ready' ? planOf(moduleId, view.lessons, params) : null),
    [view, moduleId, params],
  );
  if (view.state !== 'ready' || !plan) {
    return (
      <main className="present-main">
        <PageHeading title="Sign-in sheet" />
        {view.state === 'loading' ? (
          <Loading what="the session" />
        ) : (
          <p role="alert">This module is not on this device.</p>
        )}
      </main>
    );
  }
  const day = params.get('day') ?? localDay();
  return (
    <main className="present-main sign-in-sheet">
      <PageHeading title={`Sign-in sheet: ${view.module.title}`} />
      <p>
        {format.date(`${day}T12:00:00Z`)} · about {format.minutes(plan.totalMinutes)} · lessons:{' '}
        {plan.lessons.map((l) => l.title).join('; ')}
      </p>
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <table className="sign-in-sheet__table">
        <caption className="visually-hidden">Attendance</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Signature</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: ROWS }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blank rows to sign, all alike.
            <tr key={i}>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">
        Facilitator: ____________________ · Follow-up on {format.date(`${plan.followUpOn}T12:00:00Z`)}
      </p>
    </main>
  );
}
