// The dashboard's figures: filters, totals and their sentence, and the CSV a leader exports.
import { describe, expect, it } from 'vitest';
import { labels } from '../../../src/lib/text/labels';
import {
  assignmentTotals,
  dashboardCsv,
  filterMembers,
  sessionMinutes,
  sessionTotalSentence,
  sessionTotals,
  totalSentence,
} from '../../../src/shared/protocol/team-figures';
import type { AssignmentStatus, TeamMemberRow } from '../../../src/shared/protocol/team-protocol';
import { aMemberRow, anAssignment } from '../../helpers/team-fixtures';

const foundations = anAssignment({ id: 'f', title: 'Foundations' });
const taPathway = anAssignment({
  id: 'p',
  title: 'Teaching assistant pathway',
  target: { kind: 'pathway', role: 'ta' },
  group: 'ta',
  moduleIds: ['ta', 'foundations'],
  dueOn: undefined,
});

const member = (
  name: string,
  staffRole: TeamMemberRow['staffRole'],
  statuses: Record<string, AssignmentStatus>,
) =>
  aMemberRow({
    learnerId: name.toLowerCase(),
    name,
    staffRole,
    assignments: Object.entries(statuses).map(([assignmentId, status]) => ({
      assignmentId,
      status,
      ...(status === 'done' ? { completedOn: '2026-11-20' } : {}),
    })),
  });

const members = [
  member('Ana', 'early-years', { f: 'done' }),
  member('Ben', 'ta', { f: 'overdue', p: 'in-progress' }),
  member('Cat', 'ta', { f: 'done', p: 'done' }),
  member('Dan', 'teacher', { f: 'not-started' }),
];

describe('dashboard filters', () => {
  it.each([
    { filter: {}, names: ['Ana', 'Ben', 'Cat', 'Dan'] },
    { filter: { role: 'ta' as const }, names: ['Ben', 'Cat'] },
    { filter: { assignmentId: 'p' }, names: ['Ben', 'Cat'] },
    { filter: { role: 'teacher' as const, assignmentId: 'p' }, names: [] },
    { filter: { role: 'leader' as const }, names: [] },
  ])('$filter shows $names', ({ filter, names }) => {
    expect(filterMembers(members, filter).map((m) => m.name)).toEqual(names);
  });
});

describe('totals', () => {
  it.each([
    {
      name: 'everyone',
      shown: members,
      expected: [
        { title: 'Foundations', assigned: 4, done: 2, 'in-progress': 0, 'not-started': 1, overdue: 1 },
        {
          title: 'Teaching assistant pathway',
          assigned: 2,
          done: 1,
          'in-progress': 1,
          'not-started': 0,
          overdue: 0,
        },
      ],
      sentences: [
        '2 of 4 staff have completed Foundations',
        '1 of 2 staff has completed Teaching assistant pathway',
      ],
    },
    {
      name: 'teachers only: the pathway is for no one shown',
      shown: filterMembers(members, { role: 'teacher' }),
      expected: [
        { title: 'Foundations', assigned: 1, done: 0, 'in-progress': 0, 'not-started': 1, overdue: 0 },
        {
          title: 'Teaching assistant pathway',
          assigned: 0,
          done: 0,
          'in-progress': 0,
          'not-started': 0,
          overdue: 0,
        },
      ],
      sentences: [
        '0 of 1 staff have completed Foundations',
        '0 of 0 staff have completed Teaching assistant pathway',
      ],
    },
  ])('$name', ({ shown, expected, sentences }) => {
    const totals = assignmentTotals([foundations, taPathway], shown);
    expect(totals.map(({ assignment, ...counts }) => ({ title: assignment.title, ...counts }))).toEqual(
      expected,
    );
    expect(totals.map(totalSentence)).toEqual(sentences);
  });
});

describe('CSV export', () => {
  it('one row per member shown, each assignment as status and completion date, "Not assigned" where not theirs', () => {
    const csv = dashboardCsv(
      { assignments: [foundations, taPathway] },
      members.slice(0, 2),
      (r) => labels.audience[r],
    );
    expect(csv.split('\r\n')).toEqual([
      'Name,Role,Team role,Joined,Minutes,Lessons completed,Refreshers due,Sessions attended,Session minutes,Foundations (due 2026-12-18),Foundations (due 2026-12-18): completed on,Teaching assistant pathway,Teaching assistant pathway: completed on,Sessions',
      'Ana,Early years practitioner,Member,2026-11-02,40,4,1,0,0,Done,2026-11-20,Not assigned,,',
      'Ben,Teaching assistant,Member,2026-11-02,40,4,1,0,0,Overdue,,In progress,,',
      '',
    ]);
  });

  it('a name a spreadsheet would run as a formula, or with a comma, is made plain text', () => {
    const csv = dashboardCsv({ assignments: [] }, [aMemberRow({ name: '=HYPERLINK("x"), Bob' })], (r) => r);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x""), Bob",early-years,Member,2026-11-02,40,4,1,0,0,`);
  });

  it('lists the sessions a member attended with date, module and minutes, and counts them', () => {
    const csv = dashboardCsv(
      { assignments: [], sessions: [meeting, inset] },
      [aMemberRow({ name: 'Ana', sessions: [attended(meeting, 'ticked'), attended(inset, 'code')] })],
      (r) => r,
    );
    expect(csv.split('\r\n')[1]).toBe(
      'Ana,early-years,Member,2026-11-02,40,4,1,2,50,2026-11-25 Foundations (20 min); 2026-12-01 Communication and interaction (30 min)',
    );
  });
});

const meeting = {
  sessionId: 's1',
  moduleId: 'foundations',
  title: 'Foundations',
  on: '2026-11-25',
  minutes: 20,
  attended: 2,
};
const inset = {
  sessionId: 's2',
  moduleId: 'communication',
  title: 'Communication and interaction',
  on: '2026-12-01',
  minutes: 30,
  attended: 1,
};
const attended = (s: typeof meeting, via: 'code' | 'ticked') => ({
  sessionId: s.sessionId,
  moduleId: s.moduleId,
  on: s.on,
  minutes: s.minutes,
  via,
});

describe('session totals', () => {
  const again = { ...meeting, sessionId: 's3', on: '2026-12-05' };
  it.each([
    {
      name: 'a member counts once per module however many of its sessions they attended',
      shown: [
        aMemberRow({ learnerId: 'a', sessions: [attended(meeting, 'ticked'), attended(again, 'code')] }),
        aMemberRow({ learnerId: 'b', sessions: [attended(inset, 'code')] }),
        aMemberRow({ learnerId: 'c' }),
      ],
      sentences: [
        '1 of 3 staff attended a session on Foundations',
        '1 of 3 staff attended a session on Communication and interaction',
      ],
      minutes: [40, 30, 0],
    },
    {
      name: 'no one shown',
      shown: [],
      sentences: [
        '0 of 0 staff attended a session on Foundations',
        '0 of 0 staff attended a session on Communication and interaction',
      ],
      minutes: [],
    },
  ])('$name', ({ shown, sentences, minutes }) => {
    expect(sessionTotals([meeting, inset, again], shown).map(sessionTotalSentence)).toEqual(sentences);
    expect(shown.map(sessionMinutes)).toEqual(minutes);
  });

  it('no sessions run, no totals', () => {
    expect(sessionTotals([], [aMemberRow()])).toEqual([]);
  });
});
