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
  };
  /** Who attended a session: joined by code (`learner_id` set) or ticked by the facilitator (a typed name). */
  session_attendees: {
    session_id: string;
    attendee_key: string;
    learner_id: string | null;
    name: string;
    via: 'code' | 'ticked';
    at: number;
  };
};
