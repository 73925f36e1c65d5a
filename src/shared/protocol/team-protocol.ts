// Request and answer bodies of the team API (issue "Teams", docs/teams.md). The app's api client and the
// server's team routes both import these schemas, so the contract is one edit checked on both sides.
//
// Routes, all under /api/v1 and all needing a session (401 without one). A caller who is not a member of
// the team named in the path gets 404 `team_not_found`, the same answer as for a team that does not exist,
// so ids cannot be probed; a member who is not a leader gets 403 `not_a_leader`. No error body names
// another person or team.
//
//   POST   /teams                                  createTeamRequest → 201 myTeam (the caller is its owner)
//   GET    /teams                                  → myTeamsResponse (every team the caller belongs to)
//   GET    /teams/overview                         → trustOverviewResponse (the teams the caller leads)
//   PATCH  /teams/:teamId                          renameTeamRequest → myTeam                 (leaders)
//   DELETE /teams/:teamId                          → 204; memberships, invites, assignments go (owner)
//   POST   /teams/:teamId/owner                    handOverRequest → 204; old owner stays a leader (owner)
//   GET    /teams/:teamId/dashboard                → teamDashboard, with the team's facilitated
//                                                   sessions and who of its members attended  (leaders)
//   GET    /teams/:teamId/members/:learnerId       → memberRecord, dates only                   (leaders)
//   PUT    /teams/:teamId/members/:learnerId/role  setTeamRoleRequest → 204                     (leaders)
//   DELETE /teams/:teamId/members/:learnerId       → 204: a leader removes a member, or anyone leaves
//                                                   (their own learnerId); the owner must hand over first
//   POST   /teams/:teamId/invites                  createInviteRequest → 201 invite             (leaders)
//   GET    /teams/:teamId/invites                  → invitesResponse (live and past)            (leaders)
//   DELETE /teams/:teamId/invites/:code            → 204, revoked at once                       (leaders)
//   POST   /teams/:teamId/assignments              createAssignmentRequest → 201 assignment     (leaders)
//   DELETE /teams/:teamId/assignments/:id          → 204                                        (leaders)
//   GET    /invites/:code                          → invitePreview (any signed-in caller; rate-limited)
//   POST   /invites/:code/accept                   acceptInviteRequest → myTeam; joining twice is 200
//
// Invite errors: unknown or revoked code → 404 `invite_not_found`; expired → 410 `invite_expired`; the
// account's email outside the invite's domain → 403 `invite_domain` (the message names the domain).
//
// The learner's teams also reach the device through pull (`teams` on the last page of a pull,
// sync-protocol.ts), so Today shows assignments offline.
import { z } from 'zod';
import { AUDIENCES } from '../content/content-types';
import { readableCodePattern } from './readable-code';

/** The role a member chose for themself (their audience), as in Settings. */
export const staffRoleSchema = z.enum(AUDIENCES).exclude(['all']);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const TEAM_ROLES = ['owner', 'leader', 'member'] as const;
export const teamRoleSchema = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof teamRoleSchema>;

export const teamIdSchema = z.string().min(1).max(64);
/** 8 readable characters (readable-code.ts), read aloud or typed from a wall. */
export const INVITE_CODE_LENGTH = 8;
export const inviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(readableCodePattern(INVITE_CODE_LENGTH), 'a join code is 8 letters and digits');
/** A calendar date in the setting's own terms: due at the end of that day. */
export const dueOnSchema = z.iso.date();
export const emailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain such as school.sch.uk');

export const createTeamRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(120) });
export const renameTeamRequestSchema = createTeamRequestSchema;
export const handOverRequestSchema = z.strictObject({ learnerId: z.string().min(1) });
export const setTeamRoleRequestSchema = z.strictObject({ teamRole: z.enum(['leader', 'member']) });
export const createInviteRequestSchema = z.strictObject({
  /** 1–90 days; the default is 14. */
  expiresInDays: z.number().int().min(1).max(90).default(14),
  emailDomain: emailDomainSchema.optional(),
});
export const acceptInviteRequestSchema = z.strictObject({ staffRole: staffRoleSchema });

/** What to complete: one module, or the modules of a role's pathway (resolved when assigned). */
export const assignmentTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('module'), moduleId: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('pathway'), role: staffRoleSchema }),
]);
/** Who it is for: everyone in the team, or the members who chose one role. */
export const assignmentGroupSchema = z.union([z.literal('everyone'), staffRoleSchema]);
export const createAssignmentRequestSchema = z.strictObject({
  target: assignmentTargetSchema,
  group: assignmentGroupSchema,
  dueOn: dueOnSchema.optional(),
});

export const assignmentSchema = z.object({
  id: z.string(),
  /** "Foundations", or "Teaching assistant pathway": the server's words, from the catalogue. */
  title: z.string(),
  target: assignmentTargetSchema,
  group: assignmentGroupSchema,
  /** The modules to complete, in order, fixed when assigned (a later course edition does not move it). */
  moduleIds: z.array(z.string()),
  dueOn: dueOnSchema.optional(),
  createdAt: z.string(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** A team as one of its members sees it; the same shape in pull, GET /teams and after joining. */
export const myTeamSchema = z.object({
  teamId: teamIdSchema,
  name: z.string(),
  myRole: teamRoleSchema,
  staffRole: staffRoleSchema,
  joinedAt: z.string(),
  /** Only the assignments whose group includes this member. */
  assignments: z.array(assignmentSchema),
});
export type MyTeam = z.infer<typeof myTeamSchema>;
export const myTeamsResponseSchema = z.object({ teams: z.array(myTeamSchema) });

export const inviteSchema = z.object({
  code: inviteCodeSchema,
  /** The join link (`<origin>/join/<code>`), the text of the printable QR code. */
  url: z.string(),
  expiresAt: z.string(),
  emailDomain: emailDomainSchema.optional(),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});
export type Invite = z.infer<typeof inviteSchema>;
export const invitesResponseSchema = z.object({ invites: z.array(inviteSchema) });

/** What a person sees before joining: the team's name, and exactly what its leaders will see. */
export const invitePreviewSchema = z.object({
  teamName: z.string(),
  expiresAt: z.string(),
  emailDomain: emailDomainSchema.optional(),
  alreadyMember: z.boolean(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export const ASSIGNMENT_STATUSES = ['done', 'in-progress', 'not-started', 'overdue'] as const;
export const assignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof assignmentStatusSchema>;

/** One module's progress as leaders see it: counts and dates, never answers, notes or times of day. */
export const moduleProgressSchema = z.object({
  moduleId: z.string(),
  lessonsCompleted: z.number().int().min(0),
  lessonsTotal: z.number().int().min(0),
  /** The date (YYYY-MM-DD) the last lesson of the module was completed; absent until all are. */
  completedOn: dueOnSchema.optional(),
  minutes: z.number().int().min(0),
});
export type ModuleProgress = z.infer<typeof moduleProgressSchema>;

/**
 * A facilitated session run for the team (docs/facilitating.md) that one member attended: joined on their
 * phone by its code, or ticked by the facilitator. Only the team's own sessions are shown to its leaders.
 */
export const sessionAttendedSchema = z.object({
  sessionId: z.string(),
  moduleId: z.string(),
  /** The date (YYYY-MM-DD) the session started. */
  on: dueOnSchema,
  minutes: z.number().int().min(0),
  via: z.enum(['code', 'ticked']),
});
export type SessionAttended = z.infer<typeof sessionAttendedSchema>;

/** A facilitated session run for the team, with how many of its current members attended it. */
export const teamSessionSchema = z.object({
  sessionId: z.string(),
  moduleId: z.string(),
  /** The module's title in the course served (or as the facilitator's device had it). */
  title: z.string(),
  on: dueOnSchema,
  minutes: z.number().int().min(0),
  attended: z.number().int().min(0),
});
export type TeamSession = z.infer<typeof teamSessionSchema>;

export const teamMemberRowSchema = z.object({
  learnerId: z.string(),
  name: z.string(),
  staffRole: staffRoleSchema,
  teamRole: teamRoleSchema,
  joinedOn: dueOnSchema,
  minutes: z.number().int().min(0),
  lessonsCompleted: z.number().int().min(0),
  refreshersDue: z.number().int().min(0),
  /** Every module with progress, and every assigned one. */
  modules: z.array(moduleProgressSchema),
  /** One per assignment whose group includes this member. */
  assignments: z.array(
    z.object({
      assignmentId: z.string(),
      status: assignmentStatusSchema,
      completedOn: dueOnSchema.optional(),
    }),
  ),
  /** The team's facilitated sessions this member attended, oldest first. */
  sessions: z.array(sessionAttendedSchema).default([]),
});
export type TeamMemberRow = z.infer<typeof teamMemberRowSchema>;

export const teamDashboardSchema = z.object({
  team: z.object({ teamId: teamIdSchema, name: z.string(), createdAt: z.string() }),
  myRole: teamRoleSchema,
  /** The server's date (YYYY-MM-DD) the statuses were computed on: "overdue" is relative to it. */
  asOf: dueOnSchema,
  assignments: z.array(assignmentSchema),
  members: z.array(teamMemberRowSchema),
  /** The facilitated sessions run for the team, oldest first. */
  sessions: z.array(teamSessionSchema).default([]),
});
export type TeamDashboard = z.infer<typeof teamDashboardSchema>;

/** A person's page for leaders: what they completed and when (dates only). */
export const memberRecordSchema = z.object({
  learnerId: z.string(),
  name: z.string(),
  staffRole: staffRoleSchema,
  teamRole: teamRoleSchema,
  joinedOn: dueOnSchema,
  modules: z.array(
    moduleProgressSchema.extend({
      lessons: z.array(z.object({ lessonId: z.string(), completedOn: dueOnSchema })),
    }),
  ),
  assignments: z.array(
    z.object({
      assignmentId: z.string(),
      status: assignmentStatusSchema,
      completedOn: dueOnSchema.optional(),
    }),
  ),
  refreshersDue: z.number().int().min(0),
  sessions: z.array(sessionAttendedSchema).default([]),
});
export type MemberRecord = z.infer<typeof memberRecordSchema>;

/** A trust lead's teams side by side: per assignment, how many of its group are done and overdue. */
export const trustOverviewResponseSchema = z.object({
  asOf: dueOnSchema,
  teams: z.array(
    z.object({
      teamId: teamIdSchema,
      name: z.string(),
      memberCount: z.number().int().min(0),
      assignments: z.array(
        z.object({
          assignmentId: z.string(),
          title: z.string(),
          dueOn: dueOnSchema.optional(),
          assigned: z.number().int().min(0),
          done: z.number().int().min(0),
          overdue: z.number().int().min(0),
        }),
      ),
    }),
  ),
});
export type TrustOverview = z.infer<typeof trustOverviewResponseSchema>;
