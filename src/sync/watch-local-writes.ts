// Tells the engine about local writes by watching the outbox tables themselves: after a transaction that
// recorded an event (synced 0) or edited a doc (dirty with a fresh updatedAt) commits, `onWrite` runs once.
// Watching the tables rather than the feature actions means every writer (lesson actions, notes, settings,
// time spent, conflict resolution) triggers a push without knowing about sync. What the engine writes itself
// (synced events, pulled docs, push results, a conflict copy) is not a local edit and triggers nothing, so a
// round never schedules another. A transaction that fails never commits, so it triggers nothing either.
import type { DocRow, EventRow, PocketDb } from '../db/db';

type TransactionLike = { on: (event: 'complete', run: () => void) => void };

export function watchLocalWrites(db: PocketDb, onWrite: () => void): () => void {
  const watched = new WeakSet<TransactionLike>();
  const afterCommit = (transaction: TransactionLike) => {
    if (watched.has(transaction)) return;
    watched.add(transaction);
    transaction.on('complete', onWrite);
  };
  const eventCreated = (_key: unknown, row: EventRow, transaction: TransactionLike) => {
    if (row.synced === 0) afterCommit(transaction);
  };
  const docCreated = (_key: unknown, row: DocRow, transaction: TransactionLike) => {
    if (row.dirty === 1) afterCommit(transaction);
  };
  const docUpdated = (changes: Partial<DocRow>, _key: unknown, row: DocRow, transaction: TransactionLike) => {
    const dirty = 'dirty' in changes ? changes.dirty : row.dirty;
    if ('updatedAt' in changes && dirty === 1) afterCommit(transaction);
  };
  db.events.hook('creating', eventCreated);
  db.docs.hook('creating', docCreated);
  db.docs.hook('updating', docUpdated);
  return () => {
    db.events.hook('creating').unsubscribe(eventCreated);
    db.docs.hook('creating').unsubscribe(docCreated);
    db.docs.hook('updating').unsubscribe(docUpdated);
  };
}
