// Component-test setup: jest-dom matchers, an in-memory IndexedDB, and a fresh database and app state
// for every test so tests never see each other's events or notes.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { db } from '../../src/db/db';
import { resetStores } from '../../src/lib/stores/store';

// The first test of a file also compiles the lazily loaded pages, which takes a while on a small machine,
// and longer on one shared with other work: a wait fails only after 10 s, so a busy CI machine is not a failure.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });

beforeEach(async () => {
  await db.delete({ disableAutoOpen: false });
  await db.open();
});

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  // Every module-level store (src/lib/stores/store.ts) back to a fresh app start: sync engine, downloads,
  // settings, failed saves, the catalogue's status, the install prompt.
  await resetStores();
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('data-theme');
  document.title = '';
});
