// The people who study on this device (a shared tablet) and which of them is studying now, in a small
// database of its own beside each person's PocketDb (docs/accounts.md, "Shared tablets"). The service
// worker reads the `meta` row named ACTIVE_PROFILE_KEY to serve the right person's downloaded lessons
// (src/sw/stored-lesson.ts). A device nobody added a second person to has no rows here.
import { Dexie, type EntityTable } from 'dexie';
import { PROFILES_DATABASE_NAME } from '../shared/device/profiles-database';

/** A PIN as stored: PBKDF2-SHA-256 of the digits with a salt of its own, base64; never the digits. */
export type StoredPin = { salt: string; hash: string; iterations: number };

/** One person on this device; `databaseName` is their PocketDb (the first person keeps DATABASE_NAME). */
export type ProfileRow = { databaseName: string; name: string; pin?: StoredPin; addedAt: string };

export type ProfilesMetaRow = { key: string; value: string };

export class ProfilesDb extends Dexie {
  profiles!: EntityTable<ProfileRow, 'databaseName'>;
  meta!: EntityTable<ProfilesMetaRow, 'key'>;

  constructor(name = PROFILES_DATABASE_NAME) {
    super(name);
    this.version(1).stores({ profiles: 'databaseName, addedAt', meta: 'key' });
  }
}
