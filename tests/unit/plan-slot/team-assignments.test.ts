// Team assignments on Today: their status from the learner's own progress, their order, and the modules
// the planner puts first because an assignment is due soon (table tests over the sample course).
import { describe, expect, it } from 'vitest';
import { planSlot } from '../../../src/shared/planning/plan-slot';
import { planToday } from '../../../src/shared/planning/plan-today';
import {
  assignmentStatus,
  dueSoonModules,
  type ModuleState,
  moduleStates,
  todayAssignments,
} from '../../../src/shared/planning/team-assignments';
import type { Progress } from '../../../src/shared/progress/progress';
import { anAssignment, aTeam } from '../../helpers/team-fixtures';
import { catalog, progressOf } from './sample-course';

const TODAY = '2026-12-07';
const states =
  (map: Record<string, ModuleState>) =>
  (id: string): ModuleState =>
    map[id] ?? 'none';

describe('assignment status on the device', () => {
  it.each([
    { modules: ['a'], dueOn: undefined, map: {}, expected: 'not-started' },
    { modules: ['a', 'b'], dueOn: undefined, map: { a: 'done' }, expected: 'in-progress' },
    { modules: ['a'], dueOn: undefined, map: { a: 'started' }, expected: 'in-progress' },
    { modules: ['a', 'b'], dueOn: '2026-12-06', map: { a: 'done', b: 'done' }, expected: 'done' },
    { modules: ['a'], dueOn: '2026-12-07', map: {}, expected: 'not-started' },
    { modules: ['a'], dueOn: '2026-12-06', map: {}, expected: 'overdue' },
    { modules: ['a'], dueOn: '2026-12-06', map: { a: 'started' }, expected: 'overdue' },
  ] as {
    modules: string[];
    dueOn: string | undefined;
    map: Record<string, ModuleState>;
    expected: string;
  }[])('$modules due $dueOn with $map is $expected', ({ modules, dueOn, map, expected }) => {
    expect(assignmentStatus(modules, dueOn, states(map), TODAY)).toBe(expected);
  });

  it.each([
    { name: 'nothing opened', progress: progressOf({}), expected: 'none' },
    { name: 'one lesson opened', progress: progressOf({ f1: {} }), expected: 'started' },
    {
      name: 'two of three done',
      progress: progressOf({ f1: { completed: true }, f2: { completed: true } }),
      expected: 'started',
    },
    {
      name: 'every lesson done',
      progress: progressOf({ f1: { completed: true }, f2: { completed: true }, f3: { completed: true } }),
      expected: 'done',
    },
  ])('foundations with $name is $expected', ({ progress, expected }) => {
    expect(moduleStates(catalog, progress)('foundations')).toBe(expected);
  });

  it('lists the ones to do first, soonest due first, undated after dated, done last', () => {
    const team = aTeam({
      assignments: [
        anAssignment({ id: 'undated', moduleIds: ['ta'], dueOn: undefined }),
        anAssignment({ id: 'late', moduleIds: ['early-years'], dueOn: '2027-02-01' }),
        anAssignment({ id: 'done', moduleIds: ['foundations'], dueOn: '2026-12-08' }),
        anAssignment({ id: 'soon', moduleIds: ['ta'], dueOn: '2026-12-10' }),
      ],
    });
    const list = todayAssignments([team], states({ foundations: 'done' }), TODAY);
    expect(list.map((item) => `${item.assignment.id}:${item.status}`)).toEqual([
      'soon:not-started',
      'late:not-started',
      'undated:not-started',
      'done:done',
    ]);
  });
});

describe('assignments due soon go first in the planner', () => {
  const team = (dueOn: string | undefined, moduleIds = ['early-years']) =>
    aTeam({ assignments: [anAssignment({ moduleIds, dueOn })] });
  const soonFor = (dueOn: string | undefined, progress: Progress = progressOf({}), moduleIds?: string[]) => {
    const state = moduleStates(catalog, progress);
    return dueSoonModules(todayAssignments([team(dueOn, moduleIds)], state, TODAY), state, TODAY);
  };

  it.each([
    { name: 'due in 3 days', dueOn: '2026-12-10', expected: ['early-years'] },
    { name: 'due in 14 days', dueOn: '2026-12-21', expected: ['early-years'] },
    { name: 'due in 15 days: not yet', dueOn: '2026-12-22', expected: [] },
    { name: 'overdue', dueOn: '2026-12-01', expected: ['early-years'] },
    { name: 'no due date', dueOn: undefined, expected: [] },
  ])('$name', ({ dueOn, expected }) => {
    expect(soonFor(dueOn)).toEqual(expected);
  });

  it('a module of the assignment already done is not put first; the rest of it is', () => {
    const progress = progressOf({ e1: { completed: true } });
    expect(soonFor('2026-12-10', progress, ['early-years', 'ta'])).toEqual(['ta']);
  });

  it.each([
    {
      name: 'nothing assigned: course order',
      assigned: [],
      slot: ['f1', 'f2'],
      upNext: ['f1', 'f2', 'f3'],
    },
    {
      name: 'early years due soon: its lesson before the course order',
      assigned: ['early-years'],
      slot: ['e1'],
      upNext: ['e1', 'f1', 'f2'],
    },
    {
      name: 'two modules due soon, soonest first',
      assigned: ['ta', 'early-years'],
      slot: ['t1'],
      upNext: ['t1', 't2', 'e1'],
    },
  ])('$name', ({ assigned, slot, upNext }) => {
    const progress = progressOf({});
    const plan = planSlot({ minutes: 10, catalog, progress, refreshersDue: [], assigned });
    expect(plan.items.map((item) => item.lessonId)).toEqual(slot);
    const today = planToday(catalog, progress, undefined, 3, assigned);
    expect(today.upNext.map(({ lesson }) => lesson.id)).toEqual(upNext);
    expect(today.total).toBe(6);
  });

  it('a role pathway still follows the assigned modules, and no lesson appears twice', () => {
    const plan = planToday(catalog, progressOf({}), 'ta', 10, ['foundations']);
    expect(plan.upNext.map(({ lesson }) => lesson.id)).toEqual(['f1', 'f2', 'f3', 't1', 't2', 'e1']);
  });
});
