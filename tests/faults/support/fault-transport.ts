// A fetch for one simulated device that reaches the real server app (app.request) through a bad network:
// requests dropped before the server, answers lost after it committed, deliveries duplicated or held back
// and delivered late (out of order with the device's retries), 5xx before or after the commit, timeouts,
// and the device killed while its request is in flight. Every choice comes from the seeded PRNG.
import type { FetchLike } from '../../../src/api/api-client';
import type { SeededRandom } from './seeded-random';

export const FAULT_KINDS = [
  'drop',
  'lose-response',
  'duplicate',
  'deliver-late',
  'replay-later',
  'server-error-before',
  'server-error-after',
  'timeout-before',
  'timeout-after',
  'kill-in-flight',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

type Server = { request: (path: string, init: RequestInit) => Response | Promise<Response> };
type HeldRequest = { url: string; init: RequestInit };

/** What the whole simulated network saw: counts per fault and every id the server answered acked/duplicate. */
export type NetworkLog = {
  faults: Record<FaultKind, number>;
  requests: number;
  /** Event ids the server answered `acked` or `duplicate` to, delivered to the device or not. */
  acknowledged: Set<string>;
  held: HeldRequest[];
  /** Runs after the server answered and before the device reads the answer (a scenario's hook). */
  afterServer?: (url: string) => Promise<void>;
};

export function createNetworkLog(): NetworkLog {
  return {
    faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>,
    requests: 0,
    acknowledged: new Set(),
    held: [],
  };
}

export type FaultTransport = {
  fetch: FetchLike;
  /** 0 turns faults off (the settle phase); the run uses a rate around 0.3. */
  setFaultRate: (rate: number) => void;
  /** Offline: every request fails before it leaves the device. */
  setOffline: (offline: boolean) => void;
};

function serverError(status: number): Response {
  return new Response(JSON.stringify({ error: { code: 'internal', message: 'injected' } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function timeoutError(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

async function recordAnswer(log: NetworkLog, url: string, response: Response): Promise<void> {
  if (!url.startsWith('/api/v1/sync/push') || !response.ok) return;
  const body = (await response.clone().json()) as { results: { id: string; status: string }[] };
  for (const result of body.results) {
    if (result.status === 'acked' || result.status === 'duplicate') log.acknowledged.add(result.id);
  }
}

/** Sends a request to the server, without the device's abort signal (the server cannot see it anyway). */
async function deliver(server: Server, log: NetworkLog, { url, init }: HeldRequest): Promise<Response> {
  log.requests += 1;
  const response = await server.request(url, {
    method: init.method,
    headers: init.headers,
    body: init.body,
  });
  await recordAnswer(log, url, response);
  await log.afterServer?.(url);
  return response;
}

/** Late deliveries: the held-back copies reach the server now, in a shuffled order. */
export async function deliverHeld(server: Server, log: NetworkLog, random: SeededRandom): Promise<number> {
  const held = log.held.splice(0);
  for (let i = held.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [held[i], held[j]] = [held[j] as HeldRequest, held[i] as HeldRequest];
  }
  for (const request of held) await deliver(server, log, request);
  return held.length;
}

export function createFaultTransport(options: {
  server: Server;
  random: SeededRandom;
  log: NetworkLog;
  /** Called for `kill-in-flight`: the device dies while the server works on its request. */
  kill: () => void;
}): FaultTransport {
  const { server, random, log, kill } = options;
  let rate = 0;
  let offline = false;

  const fetch: FetchLike = async (url, init) => {
    const request = { url, init };
    if (offline) throw new TypeError('Failed to fetch');
    if (!random.chance(rate)) return deliver(server, log, request);
    const fault = random.pick(FAULT_KINDS);
    log.faults[fault] += 1;
    switch (fault) {
      case 'drop':
        throw new TypeError('Failed to fetch');
      case 'server-error-before':
        return serverError(503);
      case 'timeout-before':
        throw timeoutError();
      case 'deliver-late':
        log.held.push(request);
        throw new TypeError('Failed to fetch');
      case 'lose-response':
        await deliver(server, log, request);
        throw new TypeError('network connection was lost');
      case 'server-error-after':
        await deliver(server, log, request);
        return serverError(502);
      case 'timeout-after':
        await deliver(server, log, request);
        throw timeoutError();
      case 'duplicate': {
        // Both copies reach the server at once; the device sees whichever answer came back first.
        const [first, second] = await Promise.all([
          deliver(server, log, request),
          deliver(server, log, request),
        ]);
        return random.chance(0.5) ? first : second;
      }
      case 'replay-later':
        log.held.push(request);
        return deliver(server, log, request);
      case 'kill-in-flight': {
        const answer = deliver(server, log, request);
        kill();
        await answer;
        throw new TypeError('the page was closed');
      }
    }
  };

  return {
    fetch,
    setFaultRate: (next) => {
      rate = next;
    },
    setOffline: (next) => {
      offline = next;
    },
  };
}
