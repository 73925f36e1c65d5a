// The only code that talks to our sync server (DESIGN.md §5). It keeps nothing: every call returns a small
// result instead of throwing, so callers decide what a failure means — offline (network), signed out (401),
// refused for good (other 4xx), too big (413), slow down (429) or try later (5xx).
import {
  type DeviceResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  QUOTA_EXCEEDED_CODE,
  type QuotaKind,
  quotaKinds,
  type SessionResponse,
} from '../shared/sync-protocol';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type ApiFailure =
  | { kind: 'network'; message: string }
  | { kind: 'unauthorized'; status: 401; code: string; message: string }
  | { kind: 'too-large'; status: 413; code: string; message: string }
  | { kind: 'rate-limited'; status: 429; code: string; message: string; retryAfterMs?: number }
  | {
      kind: 'rejected';
      status: number;
      code: string;
      message: string;
      /** With code quota_exceeded: which limit the push hit; `message` is written for the learner. */
      quota?: QuotaKind;
      /** With quota events-per-day: how many new events the server still takes today. */
      remaining?: number;
      retryAfterMs?: number;
    }
  | { kind: 'server'; status: number; code: string; message: string; retryAfterMs?: number };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export type ApiClient = ReturnType<typeof createApiClient>;

export type ApiClientOptions = {
  /** Origin and path prefix of the server, e.g. `https://cpd.example.org` or '' for the same origin. */
  baseUrl: string;
  fetch?: FetchLike;
  /** Give up on a request that hangs (a captive portal, a dead mobile link) and treat it as offline. */
  timeoutMs?: number;
};

type Call = { method: 'GET' | 'POST' | 'DELETE'; path: string; token?: string; body?: unknown };

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

type ErrorBody = { code: string; message: string; quota?: QuotaKind; remaining?: number };

async function errorBody(response: Response): Promise<ErrorBody> {
  try {
    const json = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; quota?: unknown; remaining?: unknown };
    };
    const code = typeof json.error?.code === 'string' ? json.error.code : `http-${response.status}`;
    const message = typeof json.error?.message === 'string' ? json.error.message : response.statusText;
    const quota = quotaKinds.find((kind) => kind === json.error?.quota);
    if (!quota) return { code, message };
    const remaining = json.error?.remaining;
    return typeof remaining === 'number' && Number.isInteger(remaining) && remaining >= 0
      ? { code, message, quota, remaining }
      : { code, message, quota };
  } catch {
    return { code: `http-${response.status}`, message: response.statusText || `HTTP ${response.status}` };
  }
}

export async function failureOf(response: Response): Promise<ApiFailure> {
  const { code, message, quota, remaining } = await errorBody(response);
  const status = response.status;
  if (code === QUOTA_EXCEEDED_CODE && quota) {
    const after = retryAfterMs(response.headers.get('retry-after'));
    return {
      kind: 'rejected',
      status,
      code,
      message,
      quota,
      ...(remaining === undefined ? {} : { remaining }),
      ...(after === undefined ? {} : { retryAfterMs: after }),
    };
  }
  if (status === 401) return { kind: 'unauthorized', status, code, message };
  if (status === 413) return { kind: 'too-large', status, code, message };
  if (status === 429) {
    return {
      kind: 'rate-limited',
      status,
      code,
      message,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    };
  }
  if (status >= 400 && status < 500) return { kind: 'rejected', status, code, message };
  // A 503 (the server's database is restarting) says when to come back; other 5xx leave it to backoff.
  const after = retryAfterMs(response.headers.get('retry-after'));
  return after === undefined
    ? { kind: 'server', status, code, message }
    : { kind: 'server', status, code, message, retryAfterMs: after };
}

export function createApiClient({ baseUrl, fetch: fetchFn, timeoutMs = 30_000 }: ApiClientOptions) {
  const base = baseUrl.replace(/\/+$/, '');

  async function call<T>(
    { method, path, token, body }: Call,
    check: (json: unknown) => json is T,
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    if (typeof AbortSignal !== 'undefined' && 'timeout' in AbortSignal)
      init.signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await (fetchFn ?? globalThis.fetch)(`${base}${path}`, init);
    } catch (error) {
      return { ok: false, failure: { kind: 'network', message: String(error) } };
    }
    if (!response.ok) return { ok: false, failure: await failureOf(response) };
    let json: unknown;
    try {
      json = response.status === 204 ? undefined : await response.json();
    } catch {
      // A proxy's HTML page or a cut-off body: the request may not have reached us, so retry later.
      return {
        ok: false,
        failure: serverFailure(response.status, 'The server answered with unreadable data.'),
      };
    }
    if (!check(json)) {
      return {
        ok: false,
        failure: serverFailure(response.status, 'The server answered in an unexpected shape.'),
      };
    }
    return { ok: true, value: json };
  }

  return {
    health: () => call({ method: 'GET', path: '/api/v1/health' }, isHealth),
    createAccount: (body: { email: string; name: string; password: string }) =>
      call({ method: 'POST', path: '/api/v1/accounts', body }, isSession),
    signIn: (body: { email: string; password: string }) =>
      call({ method: 'POST', path: '/api/v1/sessions', body }, isSession),
    signOut: (token: string) =>
      call({ method: 'DELETE', path: '/api/v1/sessions/current', token }, isNothing),
    signOutEverywhere: (token: string) =>
      call({ method: 'DELETE', path: '/api/v1/sessions', token }, isNothing),
    registerDevice: (token: string, name?: string) =>
      call({ method: 'POST', path: '/api/v1/devices', token, body: name ? { name } : {} }, isDevice),
    push: (token: string, body: PushRequest) =>
      call({ method: 'POST', path: '/api/v1/sync/push', token, body }, isPushResponse),
    pull: (token: string, cursor: string | undefined, limit: number) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return call({ method: 'GET', path: `/api/v1/sync/pull?${query}`, token }, isPullResponse);
    },
  };
}

function serverFailure(status: number, message: string): ApiFailure {
  return { kind: 'server', status, code: 'bad-response', message };
}

function isObject(json: unknown): json is Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json);
}
function isHealth(json: unknown): json is { ok: boolean; db: string } {
  return isObject(json) && json.ok === true;
}
function isNothing(_json: unknown): _json is undefined {
  return true;
}
function isSession(json: unknown): json is SessionResponse {
  return isObject(json) && typeof json.token === 'string' && typeof json.learnerId === 'string';
}
function isDevice(json: unknown): json is DeviceResponse {
  return isObject(json) && typeof json.deviceId === 'string';
}
function isPushResponse(json: unknown): json is PushResponse {
  return isObject(json) && Array.isArray(json.results) && Array.isArray(json.docs);
}
function isPullResponse(json: unknown): json is PullResponse {
  return (
    isObject(json) &&
    Array.isArray(json.events) &&
    Array.isArray(json.docs) &&
    typeof json.nextCursor === 'string' &&
    typeof json.hasMore === 'boolean'
  );
}
