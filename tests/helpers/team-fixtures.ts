// Contract-shaped answers of the team routes (src/shared/protocol/team-protocol.ts), for tests that stand in for the
// server. Each is parsed by its schema when built, so a fixture that drifts from the contract fails here
// rather than passing a test against a shape the server never sends.
import {
  type Assignment,
  assignmentSchema,
  type Invite,
  type InvitePreview,
  invitePreviewSchema,
  inviteSchema,
  type MemberRecord,
  type MyTeam,
  memberRecordSchema,
  myTeamSchema,
  type TeamDashboard,
  type TeamMemberRow,
  type TrustOverview,
  teamDashboardSchema,
  teamMemberRowSchema,
  trustOverviewResponseSchema,
} from '../../src/shared/protocol/team-protocol';

export const TEAM_ID = 'team-oak';

export function anAssignment(overrides: Partial<Assignment> = {}): Assignment {
  return assignmentSchema.parse({
    id: 'asg-1',
    title: 'Foundations',
    target: { kind: 'module', moduleId: 'foundations' },
    group: 'everyone',
    moduleIds: ['foundations'],
    dueOn: '2026-12-18',
    createdAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  });
}

export function aTeam(overrides: Partial<MyTeam> = {}): MyTeam {
  return myTeamSchema.parse({
    teamId: TEAM_ID,
    name: 'Oak Tree Nursery',
    myRole: 'member',
    staffRole: 'early-years',
    joinedAt: '2026-11-02T09:00:00.000Z',
    assignments: [anAssignment()],
    ...overrides,
  });
}

export function anInvite(overrides: Partial<Invite> = {}): Invite {
  return inviteSchema.parse({
    code: 'K7M2QX9P',
    url: 'http://localhost/join/K7M2QX9P',
    expiresAt: '2026-12-21T09:00:00.000Z',
    createdAt: '2026-12-07T09:00:00.000Z',
    ...overrides,
  });
}

export function aPreview(overrides: Partial<InvitePreview> = {}): InvitePreview {
  return invitePreviewSchema.parse({
    teamName: 'Oak Tree Nursery',
    expiresAt: '2026-12-21T09:00:00.000Z',
    alreadyMember: false,
    ...overrides,
  });
}

export function aMemberRow(overrides: Partial<TeamMemberRow> = {}): TeamMemberRow {
  return teamMemberRowSchema.parse({
    learnerId: 'learner-ana',
    name: 'Ana Patel',
    staffRole: 'early-years',
    teamRole: 'member',
    joinedOn: '2026-11-02',
    minutes: 40,
    lessonsCompleted: 4,
    refreshersDue: 1,
    modules: [
      {
        moduleId: 'foundations',
        lessonsCompleted: 4,
        lessonsTotal: 4,
        completedOn: '2026-11-20',
        minutes: 40,
      },
    ],
    assignments: [{ assignmentId: 'asg-1', status: 'done', completedOn: '2026-11-20' }],
    ...overrides,
  });
}

export function aDashboard(overrides: Partial<TeamDashboard> = {}): TeamDashboard {
  return teamDashboardSchema.parse({
    team: { teamId: TEAM_ID, name: 'Oak Tree Nursery', createdAt: '2026-11-01T09:00:00.000Z' },
    myRole: 'owner',
    asOf: '2026-12-07',
    assignments: [anAssignment()],
    // One staff meeting for the team, which Ana was ticked at.
    sessions: [
      {
        sessionId: 'ses-1',
        moduleId: 'foundations',
        title: 'Foundations',
        on: '2026-11-25',
        minutes: 20,
        attended: 1,
      },
    ],
    members: [
      aMemberRow({
        sessions: [
          { sessionId: 'ses-1', moduleId: 'foundations', on: '2026-11-25', minutes: 20, via: 'ticked' },
        ],
      }),
      aMemberRow({
        learnerId: 'learner-ben',
        name: 'Ben Okafor',
        staffRole: 'ta',
        minutes: 0,
        lessonsCompleted: 0,
        refreshersDue: 0,
        modules: [{ moduleId: 'foundations', lessonsCompleted: 0, lessonsTotal: 4, minutes: 0 }],
        assignments: [{ assignmentId: 'asg-1', status: 'not-started' }],
      }),
    ],
    ...overrides,
  });
}

export function aMemberRecord(overrides: Partial<MemberRecord> = {}): MemberRecord {
  return memberRecordSchema.parse({
    learnerId: 'learner-ana',
    name: 'Ana Patel',
    staffRole: 'early-years',
    teamRole: 'member',
    joinedOn: '2026-11-02',
    modules: [
      {
        moduleId: 'foundations',
        lessonsCompleted: 2,
        lessonsTotal: 2,
        completedOn: '2026-11-20',
        minutes: 20,
        lessons: [
          { lessonId: 'what-is-send', completedOn: '2026-11-19' },
          { lessonId: 'graduated-approach', completedOn: '2026-11-20' },
        ],
      },
    ],
    assignments: [{ assignmentId: 'asg-1', status: 'done', completedOn: '2026-11-20' }],
    refreshersDue: 1,
    sessions: [{ sessionId: 'ses-1', moduleId: 'foundations', on: '2026-11-25', minutes: 20, via: 'ticked' }],
    ...overrides,
  });
}

export function anOverview(): TrustOverview {
  return trustOverviewResponseSchema.parse({
    asOf: '2026-12-07',
    teams: [
      {
        teamId: TEAM_ID,
        name: 'Oak Tree Nursery',
        memberCount: 31,
        assignments: [
          {
            assignmentId: 'asg-1',
            title: 'Foundations',
            dueOn: '2026-12-18',
            assigned: 31,
            done: 27,
            overdue: 0,
          },
        ],
      },
      {
        teamId: 'team-ash',
        name: 'Ash Grove Primary',
        memberCount: 48,
        assignments: [{ assignmentId: 'asg-9', title: 'Foundations', assigned: 48, done: 12, overdue: 5 }],
      },
    ],
  });
}
