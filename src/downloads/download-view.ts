// What a module's download control shows, from what the device holds, what the downloader is doing and
// whether there is a connection. Pure, so each state is a row in a table test.
import type { DownloadStatus } from './download-status';

export type DownloadView =
  | { state: 'loading' }
  | { state: 'available'; bytes: number }
  | { state: 'needs-connection'; bytes: number }
  | { state: 'downloading'; received: number; total: number }
  | { state: 'interrupted'; received: number; total: number; online: boolean }
  | { state: 'quota'; message: string }
  | { state: 'failed'; reason: string }
  | { state: 'downloaded'; bytes: number; downloadedAt?: string; outdated: boolean };

export type DownloadInputs = {
  /** Catalogue size and hash of the module. */
  module: { bytes: number; hash: string };
  /** undefined while Dexie has not answered; null when the module is not stored. */
  stored: { downloadedHash?: string; downloadedBytes?: number; downloadedAt?: string } | null | undefined;
  /** Bytes of an unfinished download held in Dexie (0 when none). */
  partialBytes: number | undefined;
  status: DownloadStatus | undefined;
  online: boolean;
};

export function downloadView({ module, stored, partialBytes, status, online }: DownloadInputs): DownloadView {
  if (status?.phase === 'downloading')
    return { state: 'downloading', received: status.received, total: status.total };
  if (status?.phase === 'quota') return { state: 'quota', message: status.message };
  if (status?.phase === 'failed') return { state: 'failed', reason: status.reason };
  if (stored === undefined || partialBytes === undefined) return { state: 'loading' };
  if (stored?.downloadedHash) {
    return {
      state: 'downloaded',
      bytes: stored.downloadedBytes ?? module.bytes,
      downloadedAt: stored.downloadedAt,
      outdated: stored.downloadedHash !== module.hash,
    };
  }
  if (status?.phase === 'interrupted' || partialBytes > 0) {
    return {
      state: 'interrupted',
      received: status?.received ?? partialBytes,
      total: module.bytes,
      online,
    };
  }
  return online
    ? { state: 'available', bytes: module.bytes }
    : { state: 'needs-connection', bytes: module.bytes };
}
