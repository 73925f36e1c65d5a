// The pure rules behind teams, table by table: an assignment's status and email domains (invite codes: readable-code.test.ts).
import { describe, expect, it } from 'vitest';
import { assignmentStatus, type KeptModule } from '../../server/teams/assignment-status';
import { emailInDomain } from '../../server/teams/invite-domain';

describe('assignmentStatus', () => {
  const kept = (entries: [string, string | null][]) =>
    new Map<string, KeptModule>(entries.map(([id, completedAt]) => [id, { completedAt }]));
  const cases: {
    name: string;
    modules: string[];
    progress: [string, string | null][];
    dueOn?: string;
    asOf: string;
    expected: ReturnType<typeof assignmentStatus>;
  }[] = [
    {
      name: 'nothing started, no due date',
      modules: ['a', 'b'],
      progress: [],
      asOf: '2026-03-10',
      expected: { status: 'not-started' },
    },
    {
      name: 'one module started',
      modules: ['a', 'b'],
      progress: [['a', null]],
      asOf: '2026-03-10',
      expected: { status: 'in-progress' },
    },
    {
      name: 'one of two done is still in progress',
      modules: ['a', 'b'],
      progress: [['a', '2026-03-01T10:00:00Z']],
      dueOn: '2026-03-10',
      asOf: '2026-03-10',
      expected: { status: 'in-progress' },
    },
    {
      name: 'due yesterday and not done',
      modules: ['a'],
      progress: [['a', null]],
      dueOn: '2026-03-09',
      asOf: '2026-03-10',
      expected: { status: 'overdue' },
    },
    {
      name: 'due yesterday and never started',
      modules: ['a'],
      progress: [],
      dueOn: '2026-03-09',
      asOf: '2026-03-10',
      expected: { status: 'overdue' },
    },
    {
      name: 'due today is not yet overdue',
      modules: ['a'],
      progress: [],
      dueOn: '2026-03-10',
      asOf: '2026-03-10',
      expected: { status: 'not-started' },
    },
    {
      name: 'done late is done, on the date of the last module (by instant, not by text)',
      modules: ['a', 'b'],
      progress: [
        ['a', '2026-03-12T23:30:00-05:00'],
        ['b', '2026-03-13T01:00:00+00:00'],
      ],
      dueOn: '2026-03-01',
      asOf: '2026-03-20',
      expected: { status: 'done', completedOn: '2026-03-12' },
    },
    {
      name: 'modules other than the assigned ones do not count',
      modules: ['a'],
      progress: [['z', '2026-03-01T10:00:00Z']],
      asOf: '2026-03-10',
      expected: { status: 'not-started' },
    },
  ];
  it.each(cases)('$name', ({ modules, progress, dueOn, asOf, expected }) => {
    expect(assignmentStatus(modules, kept(progress), dueOn, asOf)).toEqual(expected);
  });
});

describe('emailInDomain', () => {
  it.each([
    ['sam@oaktree.sch.uk', 'oaktree.sch.uk', true],
    ['Sam@OakTree.Sch.UK', 'oaktree.sch.uk', true],
    ['sam@staff.oaktree.sch.uk', 'oaktree.sch.uk', true],
    ['sam@notoaktree.sch.uk', 'oaktree.sch.uk', false],
    ['oaktree.sch.uk@gmail.com', 'oaktree.sch.uk', false],
    ['sam@oaktree.sch.uk.evil.example', 'oaktree.sch.uk', false],
  ])('%s in %s: %s', (email, domain, expected) => {
    expect(emailInDomain(email, domain)).toBe(expected);
  });
});
