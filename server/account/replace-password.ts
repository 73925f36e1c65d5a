// The end of every way back in, run inside the transaction that spent the code or link (so a failure
// leaves both as they were): the new password's hash is stored, every session of the account ends (a
// device someone else holds is signed out), and any other reset link or leader's reset code dies.
import type { Transaction } from 'kysely';
import type { Database } from '../db-schema';

export async function storeNewPassword(
  trx: Transaction<Database>,
  learnerId: string,
  passwordHash: string,
): Promise<void> {
  await trx
    .updateTable('learners')
    .set({ password_hash: passwordHash })
    .where('id', '=', learnerId)
    .execute();
  await trx.deleteFrom('sessions').where('learner_id', '=', learnerId).execute();
  await trx.deleteFrom('password_resets').where('learner_id', '=', learnerId).execute();
  await trx
    .updateTable('leader_reset_codes')
    .set({ code_hash: null })
    .where('learner_id', '=', learnerId)
    .where('code_hash', 'is not', null)
    .execute();
}
