// A facilitated session run "for a team" (docs/facilitating.md): `team_id` names the team whose leader ran
// it, so the facilitator can tick that team's members and the team's dashboard counts who attended. A
// deleted team leaves its sessions with the facilitator (set null); a member's ticked attendance is a
// `session_attendees` row with their `learner_id`, as one who joined by code.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const teamSessions: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .alterTable('facilitated_sessions')
      .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
      .execute();
    await db.schema
      .createIndex('facilitated_sessions_team')
      .on('facilitated_sessions')
      .column('team_id')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('facilitated_sessions_team').execute();
    await db.schema.alterTable('facilitated_sessions').dropColumn('team_id').execute();
  },
};
