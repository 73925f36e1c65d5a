// Component-test setup: jest-dom matchers, an in-memory IndexedDB, and a fresh database and app state
// for every test so tests never see each other's events or notes.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { db } from '../../src/db/db';
import { settingsStore } from '../../src/db/settings-store';
import { catalogStatus } from '../../src/lib/catalog-status';
import { writeErrors } from '../../src/lib/write-errors';

// The first test of a file also compiles the lazily loaded pages, which takes a while on a small machine.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 20_000 });

beforeEach(async () => {
  await db.delete({ disableAutoOpen: false });
  await db.open();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  writeErrors.clear();
  settingsStore.reset();
  catalogStatus.reset();
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('data-theme');
  document.title = '';
});
