// Request and answer bodies of the facilitated-session API (issue "Run it in a staff meeting",
// docs/facilitating.md). The app's api client and the server's routes both import these schemas.
//
// Routes, all under /api/v1 and all needing a session (401 without one). A session belongs to the
// facilitator who started it: anyone else asking for it by id gets 404 `session_not_found`, as for one
// that does not exist.
//
//   POST /facilitated-sessions                 startSessionRequest → 201 startedSession; the same id
//                                              again from the same facilitator → 200, the same code (a
//                                              session started offline is sent this way once online).
//                                              With `teamId`, run for that team: the caller must lead it
//                                              (not a member: 404 `team_not_found`; a member who does not
//                                              lead: 403 `not_a_leader`)
//   GET  /facilitated-sessions/:id             → sessionAttendance (facilitator)
//   PUT  /facilitated-sessions/:id/ticked      tickedNamesRequest → sessionAttendance: the names and the
//                                              team's members the facilitator ticked, replacing the ones
//                                              sent before. A ticked member counts for them (on the team's
//                                              dashboard) only while they are a member of the session's
//                                              team; otherwise their name is kept as a typed name
//   GET  /attend/:code                         → sessionPreview (any signed-in caller; rate-limited)
//   POST /attend/:code                         → sessionPreview; the caller is marked as attending (twice
//                                              is once). The attendee's app then records a
//                                              `session-attended` event in their own record.
//
// Join errors: unknown code → 404 `session_not_found`; past its time → 410 `session_ended`.
import { z } from 'zod';
import { JOIN_CODE_PATTERN } from './join-code';

/** How long a join code works after the session starts: the meeting, and people who join late. */
export const JOIN_CODE_HOURS = 12;
export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(JOIN_CODE_PATTERN, 'a join code is 6 letters and digits');

// The same limits as the `session-attended` event's payload (events.ts), which attendees record from the
// preview; a test checks that every session the server takes makes a valid event. Kept apart from events.ts
// so the screens that run a session do not share a chunk with the sync engine's schemas.
const id = z.string().min(1).max(120);
const sessionFields = {
  moduleId: id,
  lessonIds: z.array(id).min(1).max(50),
  checks: z.array(z.strictObject({ lessonId: id, checkId: id })).max(200),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(8 * 60),
};

export const startSessionRequestSchema = z.strictObject({
  /** Made by the facilitator's device, so a session started offline keeps its id when it is sent. */
  sessionId: z.uuid(),
  moduleId: sessionFields.moduleId,
  /** The module's title, shown to attendees before they join. */
  title: z.string().trim().min(1).max(200),
  lessonIds: sessionFields.lessonIds,
  checks: sessionFields.checks,
  minutes: sessionFields.minutes,
  startedAt: z.iso.datetime({ offset: true }),
  followUpOn: z.iso.date(),
  /** The team it is run for, when the facilitator leads one: its members can then be ticked. */
  teamId: z.string().min(1).max(64).optional(),
});
export type StartSessionRequest = z.infer<typeof startSessionRequestSchema>;

/** A ticked name as typed: trimmed, inner spaces collapsed; names differing only in case are one. */
export const tickedNameSchema = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'a name cannot be empty').max(120));
/** A team member ticked in a team's session: their id, and their name as the device knew it. */
export const tickedMemberSchema = z.strictObject({
  learnerId: z.string().min(1).max(120),
  name: tickedNameSchema,
});
export type TickedMember = z.infer<typeof tickedMemberSchema>;
export const tickedNamesRequestSchema = z.strictObject({
  names: z.array(tickedNameSchema).max(300),
  members: z.array(tickedMemberSchema).max(300).default([]),
});
export type TickedNamesRequest = z.input<typeof tickedNamesRequestSchema>;

export const startedSessionSchema = z.object({
  sessionId: z.string(),
  code: joinCodeSchema,
  /** Until when the code works (ISO time). */
  expiresAt: z.string(),
});
export type StartedSession = z.infer<typeof startedSessionSchema>;

export const attendeeSchema = z.object({
  name: z.string(),
  /** Joined on their own phone by the code (in their record), or ticked by the facilitator. */
  via: z.enum(['code', 'ticked']),
  at: z.string(),
  /** Set for an attendee with an account: joined by code, or a team member ticked by the facilitator. */
  learnerId: z.string().optional(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const sessionAttendanceSchema = z.object({
  sessionId: z.string(),
  code: joinCodeSchema,
  expiresAt: z.string(),
  attendees: z.array(attendeeSchema),
});
export type SessionAttendance = z.infer<typeof sessionAttendanceSchema>;

/** What an attendee sees before and after joining, and what their app records. */
export const sessionPreviewSchema = z.object({
  sessionId: z.string(),
  moduleId: z.string(),
  title: z.string(),
  lessonIds: z.array(z.string()).min(1),
  checks: z.array(z.object({ lessonId: z.string(), checkId: z.string() })),
  minutes: z.number().int().min(1),
  startedAt: z.string(),
  followUpOn: z.string(),
  facilitatorName: z.string(),
});
export type SessionPreview = z.infer<typeof sessionPreviewSchema>;
