// Every table that holds a learner's rows, in one place: the data download (export-learner.ts) reads each
// of them and account deletion (delete-learner.ts) empties each of them, so a new table is one line here.
// tests/server/my-data.test.ts checks the database catalogue for any row still naming a deleted learner, so
// a table missing from this list fails that test.
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
  certificates: { column: 'learner_id', json: ['body'] },
  team_members: { column: 'learner_id' },
  module_progress: { column: 'learner_id' },
  session_attendees: { column: 'learner_id' },
  // Sessions they ran (their attendees' rows go with each session).
  facilitated_sessions: { column: 'facilitator_id', json: ['lesson_ids', 'checks'] },
} satisfies Partial<Record<keyof Database, LearnerTable>>;

/**
 * Rate-limit rows name a learner inside their key (`signin:account:<email>`, `reauth:learner:<id>`): the
 * key suffixes that belong to this learner.
 */
export function rateLimitSuffixes(learner: { id: string; email: string }): string[] {
  return [`:account:${learner.email}`, `:learner:${learner.id}`];
}
