// What each module progress row was folded from (server/teams/module-fold-state.ts), so a push of later
// events folds on from it instead of reading the module's history again. Rows from before this migration
// have none: the next push that touches the module folds it from its events, as every push did before,
// and stores the state from then on.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const moduleFoldState: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('module_progress').addColumn('fold_state', 'text').execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('module_progress').dropColumn('fold_state').execute();
  },
};
