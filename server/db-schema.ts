// Row shapes of the server's tables, as Kysely sees them. Times are epoch milliseconds and sequences
// are integers on both dialects (int8 is parsed to a JS number on PostgreSQL: see open-database.ts).
import type { Generated } from 'kysely';

export type Database = {
  learners: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    created_at: number;
    /** Highest server sequence given to this learner's events; the row is the per-learner lock. */
    event_seq: Generated<number>;
    /** Highest sequence given to a doc revision of this learner (docs have their own counter). */
    doc_seq: Generated<number>;
    /** Quota counters (server/learner-quotas.ts): docs stored and their bytes as UTF-8 JSON. */
    doc_count: Generated<number>;
    doc_bytes: Generated<number>;
    /** The UTC day (days since 1970) `day_events` counts new events for. */
    quota_day: Generated<number>;
    day_events: Generated<number>;
  };
  sessions: { token_hash: string; learner_id: string; created_at: number; expires_at: number };
  devices: {
    id: string;
    learner_id: string;
    name: string | null;
    created_at: number;
    /** When the device last pushed (to within an hour); the oldest is retired past the device quota. */
    last_used_at: Generated<number>;
  };
  events: {
    learner_id: string;
    event_id: string;
    seq: number;
    device_id: string;
    type: string;
    lesson_id: string;
    at: string;
    /** The validated event as canonical JSON (sorted keys), so "same body" is string equality. */
    body: string;
    received_at: number;
  };
  docs: { learner_id: string; doc_id: string; rev: number; seq: number; body: string; updated_at: number };
  /** Auth rate-limit windows shared by every process (server/rate-limiter.ts); `until` ends a row's use. */
  rate_limits: { key: string; window_start: number; count: number; until: number };
  /** Server-wide keys made at first start: `vapid` holds the Web Push key pair as JSON. */
  server_keys: { name: string; value: string; created_at: number };
  /** One row per browser push subscription; the endpoint is unique to the browser profile. */
  push_subscriptions: {
    endpoint: string;
    learner_id: string;
    p256dh: string;
    auth: string;
    created_at: number;
  };
  /** Reminders sent, for "once per slot" and the weekly cap. `occurrence` is the local `YYYY-MM-DDTHH:MM`. */
  reminders_sent: { learner_id: string; occurrence: string; sent_at: number };
  /** Ed25519 keys certificates are signed with (server/certificates/certificate-keys.ts); never deleted. */
  certificate_keys: {
    id: string;
    public_key: string;
    private_key: string;
    created_at: number;
    retired_at: number | null;
  };
  /** Certificates issued to learners; a revoked one keeps its row so the verify page can say so. */
  certificates: {
    id: string;
    learner_id: string;
    module_id: string;
    fingerprint: string;
    body: string;
    signature: string;
    key_id: string;
    issued_at: number;
    revoked_at: number | null;
  };
  /**
   * Sign-in throttling (server/auth-throttle.ts): failures per key, refused before `blocked_until`; for a
   * `known:` key, `until` is how long the address counts as one the owner used. Swept past `until`.
   */
  auth_throttle: { key: string; failures: number; blocked_until: number; until: number };
  /** Recovery codes (server/account/recovery-codes.ts): only their hashes; a spent code's row is deleted. */
  recovery_codes: { learner_id: string; code_hash: string; created_at: number };
  /** Emailed reset links: the token's SHA-256, deleted when used; the purge deletes expired ones. */
  password_resets: { token_hash: string; learner_id: string; created_at: number; expires_at: number };
  /** Teams (docs/teams.md). Membership, invites and assignments go with the team (ON DELETE CASCADE). */
  teams: { id: string; name: string; created_at: number };
  /** `team_role` owner | leader | member; `staff_role` the audience the member chose (team-protocol.ts). */
  team_members: {
    team_id: string;
    learner_id: string;
    team_role: string;
    staff_role: string;
    joined_at: number;
  };
  /** A join code; live while `revoked_at` is null and `expires_at` is ahead. */
  team_invites: {
    code: string;
    team_id: string;
    email_domain: string | null;
    created_at: number;
    expires_at: number;
    revoked_at: number | null;
  };
  /**
   * What a team is asked to complete: `target` the request's target as JSON, `group_name` 'everyone' or a
   * staff role, `module_ids` the modules fixed when assigned (JSON array), `due_on` YYYY-MM-DD.
   */
  team_assignments: {
    id: string;
    team_id: string;
    title: string;
    target: string;
    group_name: string;
    module_ids: string;
    due_on: string | null;
    created_at: number;
  };
  /** The modules of each assignment as rows (the same set as `module_ids`), for counting in SQL. */
  team_assignment_modules: { assignment_id: string; module_id: string };
  /**
   * A learner's progress in one module, folded from their events with the device's own fold and kept in
   * step by every push (server/teams/keep-progress.ts). `completed_at` is the ISO time of the module's last
   * lesson completion once every lesson is; `lessons` is JSON `[{lessonId, completedOn}]`; `refreshers` is
   * a JSON array of ISO times each check of the module's lessons is next due.
   */
  module_progress: {
    learner_id: string;
    module_id: string;
    lessons_completed: number;
    lessons_total: number;
    completed_at: string | null;
    ms_spent: number;
    lessons: string;
    refreshers: string;
    /** JSON of what the row was folded from (teams/module-fold-state.ts); null on rows from before 0016. */
    fold_state: string | null;
  };
  /** Facilitated sessions (server/migrations/0009-facilitated-sessions.ts); the lists are JSON text. */
  facilitated_sessions: {
    id: string;
    facilitator_id: string;
    code: string;
    module_id: string;
    title: string;
    lesson_ids: string;
    checks: string;
    minutes: number;
    started_at: string;
    follow_up_on: string;
    created_at: number;
    expires_at: number;
    /** The team it was run for (0011-team-sessions.ts): its members may be ticked; null for no team. */
    team_id: string | null;
  };
  /**
   * Who attended a session: joined by code (`learner_id` set), or ticked by the facilitator: a typed name
   * (`learner_id` null) or, in a team's session, one of the team's members (`learner_id` set).
   */
  session_attendees: {
    session_id: string;
    attendee_key: string;
    learner_id: string | null;
    name: string;
    via: 'code' | 'ticked';
    at: number;
  };
  /**
   * Reset codes team leaders issued (server/migrations/0010-leader-reset-codes.ts): `code_hash` is null once
   * the code is used, replaced or expired; the row stays as the member's record until the purge.
   */
  leader_reset_codes: {
    id: string;
    learner_id: string;
    team_id: string | null;
    issued_by: string | null;
    code_hash: string | null;
    created_at: number;
    expires_at: number;
    used_at: number | null;
  };
  /** xAPI Basic credentials (server/migrations/0012-xapi-keys.ts); `writable` is 1 or 0. */
  xapi_keys: {
    id: string;
    secret_hash: string;
    learner_id: string;
    team_id: string | null;
    label: string;
    writable: number;
    created_at: number;
    last_used_at: number | null;
  };
  /** Statements received by the xAPI resource from other tools; `body` is canonical JSON. */
  xapi_statements: {
    learner_id: string;
    id: string;
    body: string;
    stored_at: number;
    team_id: string | null;
    voided_by: string | null;
  };
  /** A team's external LRS (server/migrations/0014-xapi-forwarding.ts); `key_secret` is never sent to a device. */
  xapi_forwards: {
    team_id: string;
    endpoint: string;
    key_name: string;
    key_secret: string;
    base_url: string;
    set_by: string;
    created_at: number;
    last_delivery_at: number | null;
    last_error: string | null;
    last_error_at: number | null;
  };
  /** Statements on their way to a team's LRS, one row per statement id, kept once sent so none goes twice. */
  xapi_outbox: {
    team_id: string;
    statement_id: string;
    learner_id: string;
    body: string;
    state: 'pending' | 'sent' | 'refused';
    attempts: number;
    next_attempt_at: number;
    last_error: string | null;
    sent_at: number | null;
  };
  /** How far each team's forward has read each member's events (server/migrations/0015-xapi-forward-cursors.ts). */
  xapi_forward_cursors: { team_id: string; learner_id: string; seq: number };
};
