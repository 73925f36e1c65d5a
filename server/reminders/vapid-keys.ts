// The server's VAPID key pair (RFC 8292), made at first start and kept in the database, so every server
// process behind a load balancer signs with the same key and subscriptions survive restarts and deploys.
import webpush from 'web-push';
import { z } from 'zod';
import type { Db } from '../open-database';

export type VapidKeys = { publicKey: string; privateKey: string };

const KEY_NAME = 'vapid';
const storedSchema = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1) });

async function read(db: Db): Promise<VapidKeys | null> {
  const row = await db.kysely
    .selectFrom('server_keys')
    .select('value')
    .where('name', '=', KEY_NAME)
    .executeTakeFirst();
  return row ? storedSchema.parse(JSON.parse(row.value)) : null;
}

/** The stored pair, or a new one stored now. Two processes starting at once keep whichever was stored first. */
export async function loadOrCreateVapidKeys(db: Db, now: number): Promise<VapidKeys> {
  const existing = await read(db);
  if (existing) return existing;
  const made = webpush.generateVAPIDKeys();
  await db.kysely
    .insertInto('server_keys')
    .values({ name: KEY_NAME, value: JSON.stringify(made), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const stored = await read(db);
  if (!stored) throw new Error('the VAPID keys could not be stored');
  return stored;
}

/** Loads the keys once per process, on first use. */
export function vapidKeysOnce(db: Db, clock: () => number): () => Promise<VapidKeys> {
  let loading: Promise<VapidKeys> | undefined;
  return () => {
    loading ??= loadOrCreateVapidKeys(db, clock()).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
