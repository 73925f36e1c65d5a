// The team dashboard's figures, from the server's answer (GET /teams/:id/dashboard): statuses in words,
// filters, totals such as "27 of 31 staff have completed Foundations" and "18 of 24 staff attended a
// session on Communication and interaction", and the CSV a leader exports. Plain
// functions, so the screen, the printed report and the CSV say the same numbers.
import { csvCell } from '../progress/record-csv';
import type {
  Assignment,
  AssignmentStatus,
  StaffRole,
  TeamDashboard,
  TeamMemberRow,
  TeamRole,
  TeamSession,
} from './team-protocol';

export const STATUS_TEXT: Record<AssignmentStatus, string> = {
  done: 'Done',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  overdue: 'Overdue',
};

export const TEAM_ROLE_TEXT: Record<TeamRole, string> = {
  owner: 'Owner',
  leader: 'Leader',
  member: 'Member',
};

export type DashboardFilter = { role?: StaffRole; assignmentId?: string };

/** The members a leader asked to see: one staff role, and/or those an assignment is for. */
export function filterMembers(members: readonly TeamMemberRow[], filter: DashboardFilter): TeamMemberRow[] {
  return members.filter(
    (member) =>
      (!filter.role || member.staffRole === filter.role) &&
      (!filter.assignmentId || member.assignments.some((a) => a.assignmentId === filter.assignmentId)),
  );
}

/** One member's status for one assignment; undefined when the assignment is not for them (another role). */
export function statusFor(member: TeamMemberRow, assignmentId: string) {
  return member.assignments.find((a) => a.assignmentId === assignmentId);
}

export type AssignmentTotal = {
  assignment: Assignment;
  /** How many of the members shown the assignment is for. */
  assigned: number;
} & Record<AssignmentStatus, number>;

/** For each assignment, how many of `members` it is for and how many are at each status. */
export function assignmentTotals(
  assignments: readonly Assignment[],
  members: readonly TeamMemberRow[],
): AssignmentTotal[] {
  return assignments.map((assignment) => {
    const total: AssignmentTotal = {
      assignment,
      assigned: 0,
      done: 0,
      'in-progress': 0,
      'not-started': 0,
      overdue: 0,
    };
    for (const member of members) {
      const status = statusFor(member, assignment.id)?.status;
      if (!status) continue;
      total.assigned += 1;
      total[status] += 1;
    }
    return total;
  });
}

/** "27 of 31 staff have completed Foundations"; one done reads "1 of 3 staff has completed …". */
export function totalSentence({ assignment, assigned, done }: AssignmentTotal): string {
  return `${done} of ${assigned} staff ${done === 1 ? 'has' : 'have'} completed ${assignment.title}`;
}

export type SessionTotal = { moduleId: string; title: string; attended: number; of: number };

/**
 * Per module the team ran sessions on (in the order first run), how many of `members` attended at least
 * one of them, out of how many members are shown.
 */
export function sessionTotals(
  sessions: readonly TeamSession[],
  members: readonly TeamMemberRow[],
): SessionTotal[] {
  const titles = new Map<string, string>();
  for (const s of sessions) if (!titles.has(s.moduleId)) titles.set(s.moduleId, s.title);
  return [...titles].map(([moduleId, title]) => ({
    moduleId,
    title,
    attended: members.filter((m) => m.sessions.some((s) => s.moduleId === moduleId)).length,
    of: members.length,
  }));
}

/** "18 of 24 staff attended a session on Communication and interaction". */
export function sessionTotalSentence({ title, attended, of }: SessionTotal): string {
  return `${attended} of ${of} staff attended a session on ${title}`;
}

/** One member's session minutes: each session they attended counts its planned minutes once. */
export const sessionMinutes = (member: Pick<TeamMemberRow, 'sessions'>): number =>
  member.sessions.reduce((sum, s) => sum + s.minutes, 0);

export const DASHBOARD_CSV_FIXED = [
  'Name',
  'Role',
  'Team role',
  'Joined',
  'Minutes',
  'Lessons completed',
  'Refreshers due',
  'Sessions attended',
  'Session minutes',
] as const;

/**
 * The dashboard as CSV (RFC 4180, as the CPD record's CSV): one row per member shown, the fixed columns,
 * then for each assignment its status and the date it was completed, then the sessions the member attended
 * (`date module (minutes)`, separated by `; `). An assignment not for a member is "Not assigned". Dates are
 * YYYY-MM-DD, as the server gives them.
 */
export function dashboardCsv(
  dashboard: Pick<TeamDashboard, 'assignments'> & { sessions?: readonly TeamSession[] },
  members: readonly TeamMemberRow[],
  roleText: (role: StaffRole) => string,
): string {
  const header = [
    ...DASHBOARD_CSV_FIXED,
    ...dashboard.assignments.flatMap((a) => {
      const title = a.dueOn ? `${a.title} (due ${a.dueOn})` : a.title;
      return [title, `${title}: completed on`];
    }),
    'Sessions',
  ];
  const titles = new Map((dashboard.sessions ?? []).map((s) => [s.sessionId, s.title]));
  const rows = members.map((member) => [
    member.name,
    roleText(member.staffRole),
    TEAM_ROLE_TEXT[member.teamRole],
    member.joinedOn,
    member.minutes,
    member.lessonsCompleted,
    member.refreshersDue,
    member.sessions.length,
    sessionMinutes(member),
    ...dashboard.assignments.flatMap((a) => {
      const status = statusFor(member, a.id);
      return status ? [STATUS_TEXT[status.status], status.completedOn ?? ''] : ['Not assigned', ''];
    }),
    member.sessions
      .map((s) => `${s.on} ${titles.get(s.sessionId) ?? s.moduleId} (${s.minutes} min)`)
      .join('; '),
  ]);
  const line = (cells: readonly (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return [header, ...rows].map(line).join('');
}
