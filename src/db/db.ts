// The one Dexie database of the person studying on this device (DESIGN.md §4). It keeps downloaded course content, the learner's
// append-only events, their mutable docs (notes, reading position, settings) and device metadata.
// Every schema change is a new `version(n)` with a migration test that opens a version n-1 database.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CatalogModule, Lesson } from '../shared/content/content-types';
import { DATABASE_NAME } from '../shared/device/database-name';
import type { LearnerEvent } from '../shared/progress/events';

/** A catalogue entry plus what this device holds of it. */
export type ModuleRow = CatalogModule & {
  /** Hash of the bundle stored in `lessons`, when the module has been downloaded. */
  downloadedHash?: string;
  downloadedAt?: string;
  /** Bytes of the stored bundle (v2), shown in the storage panel. */
  downloadedBytes?: number;
};

/** `changedAt` (v2): when a background refresh replaced this lesson with a different hash. */
export type LessonRow = Lesson & { changedAt?: string };

/** A piece of a module bundle received so far (v2), so an interrupted download resumes at `offset`. */
export type DownloadPartRow = { moduleId: string; file: string; offset: number; bytes: ArrayBuffer };

/** An event as stored on the device: `synced` is 0 until the server acked it (0/1 so it can be indexed). */
export type EventRow = LearnerEvent & { synced: 0 | 1; syncedAt?: string };

/** A mutable document with the server revision it was last synced at. */
export type DocRow = {
  id: string;
  body: Record<string, unknown>;
  /** Last server revision this device has seen; 0 when never synced. */
  rev: number;
  /** 1 while there is a local edit the server has not saved. */
  dirty: 0 | 1;
  updatedAt: string;
  /** When the server held a different version, it is kept here for the learner to resolve. */
  conflict?: { rev: number; body: Record<string, unknown> };
};

export type MetaRow = { key: string; value: unknown };

export class PocketDb extends Dexie {
  modules!: EntityTable<ModuleRow, 'id'>;
  lessons!: EntityTable<LessonRow, 'id'>;
  events!: EntityTable<EventRow, 'id'>;
  docs!: EntityTable<DocRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  downloadParts!: Table<DownloadPartRow, [string, number]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      modules: 'id, order',
      lessons: 'id, moduleId',
      events: 'id, lessonId, type, synced, deviceSeq, [lessonId+type]',
      docs: 'id, dirty',
      meta: 'key',
    });
    // v2: resumable downloads keep received bytes in `downloadParts`; the sync engine reads its outbox
    // in deviceSeq order through `[synced+deviceSeq]`. No row changes shape, so there is no upgrade step.
    this.version(2).stores({
      events: 'id, lessonId, type, synced, deviceSeq, [lessonId+type], [synced+deviceSeq]',
      downloadParts: '[moduleId+offset], moduleId',
    });
  }
}

// The database of the person studying on this device (src/db/profiles-repo.ts), read from the page's copy
// (ACTIVE_DATABASE_STORAGE_KEY, which is DATABASE_NAME) because the database must open before any
// IndexedDB read could say which one. Storage the browser refuses (cookies blocked) leaves the first
// person's database, as before profiles existed.
function activeDatabaseName(): string | null {
  try {
    return localStorage.getItem(DATABASE_NAME);
  } catch {
    return null;
  }
}

export const db = new PocketDb(activeDatabaseName() ?? DATABASE_NAME);
