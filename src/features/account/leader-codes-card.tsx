import { useEffect, useState } from 'react';
import { format } from '../../lib/text/format';
import type { LeaderCodeRecords, LeaderCodeState } from '../../shared/protocol/leader-reset-protocol';
import { appSync } from '../../sync/app-sync';

const STATE_TEXT: Record<LeaderCodeState, (usedAt: string | null) => string> = {
  waiting: () => 'not used yet',
  used: (usedAt) => `used${usedAt ? ` on ${format.date(usedAt)}` : ''} to set a new password`,
  cancelled: () => 'cancelled, so it no longer works',
  expired: () => 'expired unused',
};

/**
 * Settings → Back up and sync, signed in: the reset codes team leaders made for this account, so a code
 * the learner did not ask for is noticed. Shows nothing when there are none (or the server cannot say).
 */
export function LeaderCodesCard() {
  const [records, setRecords] = useState<LeaderCodeRecords['codes']>([]);

  useEffect(() => {
    let live = true;
    appSync
      .load()
      .then((sync) => sync.recovery.leaderCodeRecords())
      .then((result) => live && result.ok && setRecords(result.value.codes))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  if (records.length === 0) return null;
  return (
    <section className="card" aria-labelledby="leader-codes-title">
      <h2 id="leader-codes-title">Reset codes from your team leaders</h2>
      <ul>
        {records.map((r) => (
          <li key={r.issuedAt}>
            {r.issuedBy ?? 'A leader whose account has since been deleted'}
            {r.teamName ? ` (${r.teamName})` : ''} made a password reset code for you on{' '}
            {format.date(r.issuedAt)}: {STATE_TEXT[r.state](r.usedAt)}.
          </li>
        ))}
      </ul>
      <p>
        If you did not ask for one, tell your leader, and change your password. A code stops working once a
        new password is set.
      </p>
    </section>
  );
}
