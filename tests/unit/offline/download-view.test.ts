import { describe, expect, it } from 'vitest';
import { type DownloadInputs, type DownloadView, downloadView } from '../../../src/downloads/download-view';

const module = { bytes: 30_000, hash: 'h2' };
const base: DownloadInputs = { module, stored: null, partialBytes: 0, status: undefined, online: true };

describe('downloadView', () => {
  it.each<[string, Partial<DownloadInputs>, DownloadView]>([
    ['waiting for Dexie', { stored: undefined }, { state: 'loading' }],
    ['waiting for the partial count', { partialBytes: undefined }, { state: 'loading' }],
    ['not stored, online', {}, { state: 'available', bytes: 30_000 }],
    ['not stored, offline', { online: false }, { state: 'needs-connection', bytes: 30_000 }],
    [
      'downloading',
      { status: { phase: 'downloading', received: 10_000, total: 30_000 } },
      { state: 'downloading', received: 10_000, total: 30_000 },
    ],
    [
      'cut off in this session',
      {
        status: { phase: 'interrupted', received: 12_000, total: 30_000 },
        partialBytes: 12_000,
        online: false,
      },
      { state: 'interrupted', received: 12_000, total: 30_000, online: false },
    ],
    [
      'cut off before a reload (bytes only in Dexie)',
      { partialBytes: 8_000 },
      { state: 'interrupted', received: 8_000, total: 30_000, online: true },
    ],
    [
      'full disk',
      { status: { phase: 'quota', received: 0, total: 30_000, message: 'Remove X' } },
      { state: 'quota', message: 'Remove X' },
    ],
    [
      'failed',
      { status: { phase: 'failed', received: 0, total: 30_000, reason: 'HTTP 503' } },
      { state: 'failed', reason: 'HTTP 503' },
    ],
    [
      'stored, current',
      { stored: { downloadedHash: 'h2', downloadedBytes: 29_000, downloadedAt: '2026-01-01T00:00:00Z' } },
      { state: 'downloaded', bytes: 29_000, downloadedAt: '2026-01-01T00:00:00Z', outdated: false },
    ],
    [
      'stored, older version (refresh on its way)',
      { stored: { downloadedHash: 'h1' } },
      { state: 'downloaded', bytes: 30_000, downloadedAt: undefined, outdated: true },
    ],
    [
      'stored and offline stays downloaded',
      { stored: { downloadedHash: 'h2', downloadedBytes: 30_000 }, online: false },
      { state: 'downloaded', bytes: 30_000, downloadedAt: undefined, outdated: false },
    ],
    [
      'a refresh running over a stored copy shows its progress',
      { stored: { downloadedHash: 'h1' }, status: { phase: 'downloading', received: 5, total: 30_000 } },
      { state: 'downloading', received: 5, total: 30_000 },
    ],
  ])('%s', (_name, inputs, expected) => {
    expect(downloadView({ ...base, ...inputs })).toEqual(expected);
  });
});
