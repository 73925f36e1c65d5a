// Launches Debian's Chromium through playwright-core with the flags that work on this machine
// (TOOLCHAIN.md): no sandbox as root, no background networking on a closed network, a fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The Chromium flags that work here; Lighthouse (scripts/lighthouse-audit.ts) launches with them too. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Device = { context: BrowserContext; close: () => Promise<void> };

/** A browser profile of its own: one "device" with its own IndexedDB and service worker. */
export async function openDevice(): Promise<Device> {
  const profile = mkdtempSync(join(tmpdir(), 'pocket-cpd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport: { width: 390, height: 844 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
