// Downloads module bundles into Dexie so their lessons open with no signal. The bundle is streamed and
// its bytes saved in pieces (db/downloads-repo) as they arrive; when the connection drops, the pieces stay
// and the next attempt asks the server for the rest with an HTTP Range request, so the download resumes
// where it stopped (automatically when the browser comes back online). The finished bundle is checked
// against the catalogue's hash and stored with its module in one transaction. A full disk stops the
// download with a message naming what to remove; nothing already saved is touched.
import { downloadsRepo } from '../db/downloads-repo';
import { modulesRepo } from '../db/modules-repo';
import { isQuotaError } from '../lib/browser/is-quota-error';
import { createStore } from '../lib/stores/store';
import { checkedBundle } from '../shared/content/checked-bundle';
import type { CatalogModule, ModuleBundle } from '../shared/content/content-types';
import type { DownloadStatus } from './download-status';
import { quotaAdvice } from './quota-advice';

/** Pieces are written at least this big, so a module is a handful of writes, not one per network chunk. */
const PIECE_BYTES = 64 * 1024;

class ConnectionLost extends Error {
  override name = 'ConnectionLost';
}

const statuses = createStore<ReadonlyMap<string, DownloadStatus>>(new Map(), () => {
  running.clear();
  interrupted.clear();
});
const running = new Map<string, Promise<boolean>>();
const interrupted = new Map<string, CatalogModule>();
let listeningForOnline = false;

function setStatus(id: string, status: DownloadStatus | undefined): void {
  const next = new Map(statuses.get());
  if (status) next.set(id, status);
  else next.delete(id);
  statuses.set(next);
}

function bundleUrl(module: CatalogModule): string {
  return `${import.meta.env.BASE_URL}content/${module.file}`;
}

function join(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** First byte of a 206 answer, from `Content-Range: bytes 100-199/200`. */
function rangeStart(response: Response): number | undefined {
  const match = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : undefined;
}

async function request(module: CatalogModule, offset: number): Promise<Response> {
  try {
    return await fetch(bundleUrl(module), {
      headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
      // A partial answer must come from the server, not a cached full copy.
      cache: offset > 0 ? 'no-store' : 'default',
    });
  } catch (error) {
    throw new ConnectionLost(error instanceof Error ? error.message : String(error));
  }
}

/** Streams what the device lacks of the bundle into Dexie; resolves with the bytes held in all. */
async function transfer(module: CatalogModule, held: number): Promise<number> {
  let offset = held;
  let response = await request(module, offset);
  if (
    offset > 0 &&
    (response.status === 416 || (response.status === 206 && rangeStart(response) !== offset))
  ) {
    // What the device holds does not line up with the file: start again from the first byte.
    await downloadsRepo.discard(module.id);
    offset = 0;
    response = await request(module, 0);
  }
  if (response.status === 200 && offset > 0) {
    // The server ignored the range and sent the whole file: keep that instead.
    await downloadsRepo.discard(module.id);
    offset = 0;
  }
  if (!response.ok || !response.body) throw new Error(`The server answered HTTP ${response.status}.`);

  const reader = response.body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let written = offset;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const piece = join(pending);
    await downloadsRepo.appendPart(module.id, module.file, written, piece);
    written += piece.byteLength;
    pending = [];
    pendingBytes = 0;
  };
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      // Keep every byte that arrived before the cut, then report the interruption.
      await flush();
      throw new ConnectionLost(error instanceof Error ? error.message : String(error));
    }
    if (chunk.done) break;
    pending.push(chunk.value);
    pendingBytes += chunk.value.byteLength;
    setStatus(module.id, { phase: 'downloading', received: written + pendingBytes, total: module.bytes });
    if (pendingBytes >= PIECE_BYTES) await flush();
  }
  await flush();
  return written;
}

async function finish(module: CatalogModule): Promise<void> {
  const bytes = await downloadsRepo.assemble(module.id, module.file);
  let bundle: ModuleBundle;
  try {
    bundle = checkedBundle(module, JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    // Cut-off JSON, or another version than the catalogue names: the pieces are of no use.
    await downloadsRepo.discard(module.id);
    throw new Error('The download arrived damaged. Please try again.');
  }
  await modulesRepo.storeBundle(module, bundle);
}

function listenForOnline(): void {
  if (listeningForOnline || typeof window === 'undefined') return;
  listeningForOnline = true;
  window.addEventListener('online', () => {
    for (const module of [...interrupted.values()]) void moduleDownloader.start(module);
  });
}

async function run(module: CatalogModule): Promise<boolean> {
  let held = 0;
  try {
    held = await downloadsRepo.receivedBytes(module.id, module.file);
    setStatus(module.id, { phase: 'downloading', received: held, total: module.bytes });
    if (held < module.bytes) held = await transfer(module, held);
    await finish(module);
    interrupted.delete(module.id);
    setStatus(module.id, undefined);
    return true;
  } catch (error) {
    const received = statuses.get().get(module.id)?.received ?? held;
    const total = module.bytes;
    if (isQuotaError(error)) {
      const stored = await modulesRepo.downloaded().catch(() => []);
      const heldModules = stored.map((m) => ({
        id: m.id,
        title: m.title,
        bytes: m.downloadedBytes ?? m.bytes,
      }));
      setStatus(module.id, { phase: 'quota', received, total, message: quotaAdvice(module, heldModules) });
    } else if (error instanceof ConnectionLost) {
      interrupted.set(module.id, module);
      listenForOnline();
      setStatus(module.id, { phase: 'interrupted', received, total });
    } else {
      setStatus(module.id, {
        phase: 'failed',
        received,
        total,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    return false;
  }
}

export const moduleDownloader = {
  /** Downloads (or resumes) a module; resolves true once it is stored. One run per module at a time. */
  start(module: CatalogModule): Promise<boolean> {
    const current = running.get(module.id);
    if (current) return current;
    const job = run(module).finally(() => running.delete(module.id));
    running.set(module.id, job);
    return job;
  },

  /** Removes a module's lessons from the device; the learner's progress and notes stay. */
  async remove(moduleId: string): Promise<void> {
    await running.get(moduleId);
    interrupted.delete(moduleId);
    await modulesRepo.removeDownload(moduleId);
    setStatus(moduleId, undefined);
  },

  /** Clears a message (quota, failure) so the module shows its stored state again. */
  dismiss(moduleId: string): void {
    if (!running.has(moduleId)) setStatus(moduleId, undefined);
  },

  get: statuses.get,
  subscribe: statuses.subscribe,
};
