// Every table that holds a learner's rows, in one place: the data download (export-learner.ts) reads each
// of them and account deletion (delete-learner.ts) empties each of them, so a new table is one line here:
// in learnerTables when a column holds the learner's id, in learnerKeyedRows when a string key names them,
// in learnerActsIn when a row of someone else's names them as the one who acted (it is kept, blanked).
// tests/server/my-data.test.ts checks the database catalogue for any row still naming a deleted learner, so
// a table missing from this list fails that test.
import { type RawBuilder, sql } from 'kysely';
import { accountThrottleKeys } from '../auth-limits';
import type { Database } from '../db-schema';

export type LearnerTable = {
  /** The column that holds the learner's id. */
  column: string;
  /** Secrets left out of the download (hashes, keys): of no use to the learner, and not to be copied around. */
  secret?: readonly string[];
  /** Columns stored as JSON text, given in the download as JSON. */
  json?: readonly string[];
};

export const learnerTables = {
  devices: { column: 'learner_id' },
  sessions: { column: 'learner_id', secret: ['token_hash'] },
  events: { column: 'learner_id', json: ['body'] },
  docs: { column: 'learner_id', json: ['body'] },
  push_subscriptions: { column: 'learner_id', secret: ['p256dh', 'auth'] },
  reminders_sent: { column: 'learner_id' },
  recovery_codes: { column: 'learner_id', secret: ['code_hash'] },
  password_resets: { column: 'learner_id', secret: ['token_hash'] },
  leader_reset_codes: { column: 'learner_id', secret: ['code_hash'] },
  certificates: { column: 'learner_id', json: ['body'] },
  team_members: { column: 'learner_id' },
  // fold_state is what the row was folded from (teams/module-fold-state.ts): theirs too, so readable.
  module_progress: { column: 'learner_id', json: ['fold_state'] },
  session_attendees: { column: 'learner_id' },
  // Sessions they ran (their attendees' rows go with each session).
  facilitated_sessions: { column: 'facilitator_id', json: ['lesson_ids', 'checks'] },
  // Their own xAPI keys and the team keys they made.
  xapi_keys: { column: 'learner_id', secret: ['secret_hash'] },
  xapi_statements: { column: 'learner_id', json: ['body'] },
  // Their team's statements on the way to the team's LRS, and the forwarding they set up as a leader
  // (whose LRS secret belongs to the other system: not in the download).
  xapi_outbox: { column: 'learner_id', json: ['body'] },
  xapi_forwards: { column: 'set_by', secret: ['key_secret'] },
  // How far their team's forward has read their events.
  xapi_forward_cursors: { column: 'learner_id' },
} satisfies Partial<Record<keyof Database, LearnerTable>>;

/**
 * Rows of another learner's that name this learner as the one who acted: a reset code they issued as a
 * team leader. The download gives them under `exportAs`; deletion blanks the column (the row is the other
 * person's record, which says "a leader" from then on).
 */
export const learnerActsIn = {
  leader_reset_codes: { column: 'issued_by', exportAs: 'leader_reset_codes_issued', secret: ['code_hash'] },
} satisfies Partial<Record<keyof Database, LearnerTable & { exportAs: string }>>;

const keyEndsWith = (suffix: string) =>
  sql<boolean>`substr("key", length("key") - ${suffix.length} + 1) = ${suffix}`;

/**
 * The tables that name a learner inside a string key rather than in a column, with the condition that picks
 * the learner's rows: rate-limit windows (`signup:account:<email>`, `reauth:learner:<id>`; matched on the
 * key's end, as an email may hold LIKE's wildcards) and sign-in throttle rows (`account:<hash>`,
 * `pair:<hash>:<address>`). A `known:` throttle row is a hash of the email with an address, which cannot be
 * found from the email alone; it expires in 90 days.
 */
export function learnerKeyedRows(learner: {
  id: string;
  email: string;
}): Record<'rate_limits' | 'auth_throttle', RawBuilder<boolean>> {
  const throttle = accountThrottleKeys(learner.email);
  return {
    rate_limits: sql<boolean>`(${keyEndsWith(`:account:${learner.email}`)} or ${keyEndsWith(`:learner:${learner.id}`)})`,
    auth_throttle: sql<boolean>`("key" = ${throttle.key} or "key" like ${`${throttle.prefix}%`})`,
  };
}
