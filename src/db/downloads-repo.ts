// The bytes of a module bundle received so far, in `downloadParts` (one row per piece, keyed by module
// and byte offset), so a download cut off by a lost connection or a closed tab resumes where it stopped.
// Pieces belong to one bundle file: pieces of an older file are dropped when a newer one starts. A failed
// write (quota exceeded) rejects and keeps every piece written before it.
import { db } from './db';

export const downloadsRepo = {
  /** Bytes already held for `file`; pieces of any other file of the module are discarded first. */
  async receivedBytes(moduleId: string, file: string): Promise<number> {
    return db.transaction('rw', db.downloadParts, async () => {
      const parts = await db.downloadParts.where('moduleId').equals(moduleId).toArray();
      const stale = parts.filter((p) => p.file !== file);
      await db.downloadParts.bulkDelete(stale.map((p): [string, number] => [p.moduleId, p.offset]));
      return parts.filter((p) => p.file === file).reduce((sum, p) => sum + p.bytes.byteLength, 0);
    });
  },

  async appendPart(moduleId: string, file: string, offset: number, bytes: Uint8Array): Promise<void> {
    const copy = bytes.slice().buffer;
    await db.downloadParts.put({ moduleId, file, offset, bytes: copy });
  },

  /** Every piece of `file` joined in offset order. */
  async assemble(moduleId: string, file: string): Promise<Uint8Array> {
    const parts = (await db.downloadParts.where('moduleId').equals(moduleId).sortBy('offset')).filter(
      (p) => p.file === file,
    );
    const total = parts.reduce((sum, p) => sum + p.bytes.byteLength, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
      out.set(new Uint8Array(part.bytes), at);
      at += part.bytes.byteLength;
    }
    return out;
  },

  async discard(moduleId: string): Promise<void> {
    await db.downloadParts.where('moduleId').equals(moduleId).delete();
  },

  /** Downloads that stopped part-way: module id → bytes held (any file). */
  async partial(): Promise<Map<string, number>> {
    const held = new Map<string, number>();
    await db.downloadParts.each((p) => {
      held.set(p.moduleId, (held.get(p.moduleId) ?? 0) + p.bytes.byteLength);
    });
    return held;
  },
};
