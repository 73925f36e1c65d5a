// Folding a module's new events on from its kept state gives the row a fold of the whole history gives, and
// declines (undefined) whenever it could not: an event older than the state, a state of another course build.
import { describe, expect, it } from 'vitest';
import { courseIndex } from '../../server/teams/course-index';
import {
  foldModuleOn,
  foldModuleProgress,
  type ModuleProgressRow,
} from '../../server/teams/fold-module-progress';
import { type ModuleFoldState, printFoldState, readFoldState } from '../../server/teams/module-fold-state';
import type { LearnerEvent } from '../../src/shared/progress/events';
import { history, shown } from './support/fold-fixtures';
import { TEST_CATALOG } from './support/team-fixture';

const course = courseIndex(TEST_CATALOG);

/** The kept state as it comes back from the database: stored as JSON, parsed, revived. */
const keptAgain = (row: ModuleProgressRow | null | undefined): ModuleFoldState | null =>
  row ? readFoldState(printFoldState(row.state)) : null;

describe('folding a module on from its kept state', () => {
  it.each([
    { seed: 1, stored: 40, pushes: [5, 5, 5, 5] },
    { seed: 2, stored: 0, pushes: [30, 1, 1, 1] },
    { seed: 3, stored: 70, pushes: [12] },
    { seed: 4, stored: 10, pushes: [3, 9, 2, 20, 4] },
    { seed: 5, stored: 55, pushes: [1, 1, 1, 1, 1, 1, 1, 1] },
  ])(
    'seed $seed: $stored stored, then pushes of $pushes in order, give the whole fold',
    ({ seed, stored, pushes }) => {
      const total = stored + pushes.reduce((sum, n) => sum + n, 0);
      const events = history(seed, total);
      // Voids are for keepProgress's reads: the pushes folded on carry none, so they go to the stored part.
      const stays = events.slice(0, stored);
      const pushed = events.slice(stored).filter((e) => e.type !== 'voided');
      const voided = new Set(stays.flatMap((e) => (e.type === 'voided' ? [e.payload.eventId] : [])));
      const all = [...stays, ...pushed.filter((e) => !voided.has(e.id))];
      for (const module of TEST_CATALOG.modules) {
        let kept = keptAgain(foldModuleProgress(stays, course, [module.id]).get(module.id));
        let row: ModuleProgressRow | null | undefined;
        let from = 0;
        for (const size of pushes) {
          const batch = pushed.slice(from, from + size).filter((e) => !voided.has(e.id));
          from += size;
          row = foldModuleOn(kept, batch, course, module.id);
          expect(row, `${module.id} folds on`).not.toBeUndefined();
          kept = keptAgain(row);
        }
        const whole = foldModuleProgress(all, course, [module.id]).get(module.id);
        expect(shown(row), module.id).toEqual(shown(whole));
      }
    },
  );

  it('declines an event older than what the state holds, so the history is folded instead', () => {
    const events = history(6, 30).filter((e) => e.type !== 'voided');
    const late = events.pop() as LearnerEvent;
    const early = { ...(events.shift() as LearnerEvent), lessonId: 'f1' };
    const kept = keptAgain(
      foldModuleProgress([...events, { ...late, lessonId: 'f1' }], course, ['foundations']).get(
        'foundations',
      ),
    );
    expect(kept).not.toBeNull();
    expect(foldModuleOn(kept, [early], course, 'foundations')).toBeUndefined();
  });

  it('declines a state folded under another course build', () => {
    const events = history(7, 30).filter((e) => e.type !== 'voided');
    const kept = keptAgain(
      foldModuleProgress(events.slice(0, 20), course, ['foundations']).get('foundations'),
    );
    const rebuilt = courseIndex({ ...TEST_CATALOG, version: 'v2' });
    expect(foldModuleOn(kept, events.slice(20), rebuilt, 'foundations')).toBeUndefined();
    expect(foldModuleOn(kept, events.slice(20), course, 'foundations')).not.toBeUndefined();
  });

  it('passes over events of other modules’ lessons and leaves a module without a row untouched', () => {
    const completion = { ...(history(8, 1)[0] as LearnerEvent), type: 'lesson-completed', payload: {} };
    const other = [{ ...completion, lessonId: 'a1' } as LearnerEvent];
    expect(foldModuleOn(null, other, course, 'foundations')).toBeNull();
    expect(foldModuleOn(null, other, course, 'four-areas')).toMatchObject({ lessonsCompleted: 1 });
  });

  it('folds only the first copy of an id a push carries twice, as the server stores only that one', () => {
    const completion = { ...(history(9, 1)[0] as LearnerEvent), type: 'lesson-completed', payload: {} };
    const twice = [
      { ...completion, lessonId: 'f1' },
      { ...completion, lessonId: 'a1' },
    ] as LearnerEvent[];
    expect(foldModuleOn(null, twice, course, 'foundations')).toMatchObject({ lessonsCompleted: 1 });
    expect(foldModuleOn(null, twice, course, 'four-areas')).toBeNull();
  });
});
