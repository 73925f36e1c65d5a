// The `meta` table's keys and the type of each value, and the one typed read and write over any PocketDb:
// metaRepo (the app's database), the sync store and the events repository all use these. Only types are
// imported here, so the first screen's events repository gains no chunk by using it.
import type { Persistence } from '../lib/browser/storage-estimate';
import type { Catalog } from '../shared/content/content-types';
import type { Attendee, StartSessionRequest, TickedMember } from '../shared/protocol/session-protocol';
import type { MyTeam } from '../shared/protocol/team-protocol';
import type { PocketDb } from './db';

/** Signed in when `token` is set; a 401 removes the token but keeps who it was, so the UI can say so. */
export type StoredSession = {
  learnerId: string;
  token?: string;
  expiresAt?: string;
  email?: string;
  /** The account's display name, from sign-up, sign-in or a change in Settings: printed on certificates. */
  name?: string;
};
/** The server's id for this device and the learner it was registered for. */
export type StoredDevice = { learnerId: string; deviceId: string };
export type StoredTeams = { learnerId: string; teams: MyTeam[] };
export type StoredSyncResult = { lastSyncedAt?: string };
/** The members of a team the learner leads, as its dashboard last gave them: who can be ticked offline. */
export type TeamRoster = { teamId: string; teamName: string; members: TickedMember[]; savedAt: string };
export type StoredTeamRosters = { learnerId: string; rosters: TeamRoster[] };

/** A facilitated session run on this device (facilitated-sessions-repo.ts). */
export type StoredFacilitatedSession = StartSessionRequest & {
  /** The names the facilitator ticked here (typed names: people who did not join by code). */
  ticked: string[];
  /** For a session run for a team (`teamId`): the team's name, and the members ticked here. */
  teamName?: string;
  tickedMembers?: TickedMember[];
  /** The ticked members the server last accepted (compared by id with `tickedMembers`). */
  sentTickedMembers?: TickedMember[];
  /** The server's answer once the session reached it: its join code and until when it works. */
  code?: string;
  expiresAt?: string;
  /** The ticked list the server last accepted; unequal to `ticked` means there is something to send. */
  sentTicked?: string[];
  /** Who the server knows attended, as of the last time it was asked. */
  attendees?: Attendee[];
};

/** Every key `meta` holds and the type of its value: a misspelt key or a wrong value fails tsc. */
export type MetaValues = {
  catalog: Catalog;
  /** The id this device stamps its events with (the server's, once registered). */
  deviceId: string;
  deviceSeq: number;
  /** The last hybrid logical clock tick this device issued or saw. */
  hlc: string;
  session: StoredSession;
  syncDevice: StoredDevice;
  syncCursor: { learnerId: string; cursor: string };
  syncResult: StoredSyncResult;
  storagePersistence: Persistence;
  /**
   * The teams the learner belongs to and their assignments, as the last pull (or a join or leave) gave
   * them, so Today shows assignments offline. Another learner signing in on this device removes them.
   */
  teams: StoredTeams;
  /** Module stages (`<moduleId>:<stage>`) whose confidence question was put off with "Not now" here. */
  confidenceSkipped: string[];
  /** Facilitated sessions run on this device, newest first (facilitated-sessions-repo.ts). */
  facilitatedSessions: StoredFacilitatedSession[];
  /**
   * The members of each team the learner leads, kept so a facilitator can tick them with no signal. Other
   * people's names: another learner signing in, or "Remove my progress from this device", removes them.
   */
  teamRosters: StoredTeamRosters;
  /**
   * The learner's choice to include their reflection notes in the record's CSV (off until they tick it):
   * theirs, so it goes with their progress and when another learner signs in here.
   */
  recordCsvReflections: boolean;
};
export type MetaKey = keyof MetaValues;

export async function readMeta<K extends MetaKey>(
  database: PocketDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  return (await database.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(
  database: PocketDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await database.meta.put({ key, value });
}

export async function deleteMeta(database: PocketDb, ...keys: MetaKey[]): Promise<void> {
  await database.meta.bulkDelete(keys);
}
