// The Statements resource's GET parameters (xAPI 1.0.3 §2.1.3 of the Communication part): parsed and
// checked (an unknown or wrongly-cased name is an error), and matched against statements. Pure: the
// routes load the statements in reach and this decides which to serve and how.
import { actorSchema, iriSchema, uuidSchema } from './statement-schema';

export type StatementFormat = 'exact' | 'ids' | 'canonical';

export type StatementQuery =
  | { kind: 'one'; id: string; voided: boolean; format: StatementFormat }
  | {
      kind: 'many';
      agent?: string;
      verb?: string;
      activity?: string;
      registration?: string;
      relatedAgents: boolean;
      relatedActivities: boolean;
      since?: number;
      until?: number;
      limit: number;
      ascending: boolean;
      format: StatementFormat;
    };

/** The most statements one page holds; `limit=0` asks for this many. */
export const MAX_PAGE = 100;

const KNOWN = new Set([
  'statementId',
  'voidedStatementId',
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
]);
const SINGLE_ALLOWED = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);

export type Parsed = { ok: true; query: StatementQuery } | { ok: false; message: string };

export function parseStatementQuery(params: URLSearchParams): Parsed {
  const names = [...params.keys()];
  const unknown = names.find((n) => !KNOWN.has(n));
  if (unknown !== undefined) return { ok: false, message: `Unknown parameter "${unknown}".` };
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined) return { ok: false, message: `The parameter "${repeated}" is given twice.` };
  const get = (name: string) => params.get(name) ?? undefined;

  const bool = (name: string): boolean | string => {
    const value = get(name);
    if (value === undefined || value === 'false') return false;
    if (value === 'true') return true;
    return `The parameter "${name}" must be true or false.`;
  };
  const format = get('format') ?? 'exact';
  if (format !== 'exact' && format !== 'ids' && format !== 'canonical') {
    return { ok: false, message: 'The parameter "format" must be exact, ids or canonical.' };
  }
  const attachments = bool('attachments');
  if (typeof attachments === 'string') return { ok: false, message: attachments };

  const statementId = get('statementId');
  const voidedStatementId = get('voidedStatementId');
  if (statementId !== undefined || voidedStatementId !== undefined) {
    if (statementId !== undefined && voidedStatementId !== undefined) {
      return { ok: false, message: 'Give statementId or voidedStatementId, not both.' };
    }
    const other = names.find((n) => !SINGLE_ALLOWED.has(n));
    if (other !== undefined) {
      return { ok: false, message: `The parameter "${other}" cannot be used with a statement id.` };
    }
    const id = (statementId ?? voidedStatementId) as string;
    if (!uuidSchema.safeParse(id).success) return { ok: false, message: 'The statement id must be a UUID.' };
    return {
      ok: true,
      query: { kind: 'one', id: id.toLowerCase(), voided: voidedStatementId !== undefined, format },
    };
  }

  let agent: string | undefined;
  const agentText = get('agent');
  if (agentText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(agentText);
    } catch {
      return { ok: false, message: 'The parameter "agent" must be an Agent or Group as JSON.' };
    }
    const actor = actorSchema.safeParse(parsed);
    const key = actor.success ? identity(actor.data) : undefined;
    if (key === undefined) {
      return { ok: false, message: 'The parameter "agent" must be an Agent or identified Group as JSON.' };
    }
    agent = key;
  }
  const verb = get('verb');
  if (verb !== undefined && !iriSchema.safeParse(verb).success) {
    return { ok: false, message: 'The parameter "verb" must be an IRI.' };
  }
  const activity = get('activity');
  if (activity !== undefined && !iriSchema.safeParse(activity).success) {
    return { ok: false, message: 'The parameter "activity" must be an IRI.' };
  }
  const registration = get('registration');
  if (registration !== undefined && !uuidSchema.safeParse(registration).success) {
    return { ok: false, message: 'The parameter "registration" must be a UUID.' };
  }
  const time = (name: string): number | undefined | string => {
    const value = get(name);
    if (value === undefined) return undefined;
    const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(value)
      ? Date.parse(value)
      : Number.NaN;
    return Number.isNaN(ms) ? `The parameter "${name}" must be an ISO 8601 time with a time zone.` : ms;
  };
  const since = time('since');
  if (typeof since === 'string') return { ok: false, message: since };
  const until = time('until');
  if (typeof until === 'string') return { ok: false, message: until };
  const limitText = get('limit') ?? '0';
  if (!/^\d{1,9}$/.test(limitText)) {
    return { ok: false, message: 'The parameter "limit" must be a whole number, 0 or more.' };
  }
  const limit = Number(limitText) === 0 ? MAX_PAGE : Math.min(Number(limitText), MAX_PAGE);
  const flags = ['related_agents', 'related_activities', 'ascending'].map(bool);
  const bad = flags.find((f) => typeof f === 'string');
  if (typeof bad === 'string') return { ok: false, message: bad };
  const [relatedAgents, relatedActivities, ascending] = flags as boolean[];
  return {
    ok: true,
    query: {
      kind: 'many',
      ...(agent !== undefined ? { agent } : {}),
      ...(verb !== undefined ? { verb } : {}),
      ...(activity !== undefined ? { activity } : {}),
      ...(registration !== undefined ? { registration: registration.toLowerCase() } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(until !== undefined ? { until } : {}),
      relatedAgents: relatedAgents ?? false,
      relatedActivities: relatedActivities ?? false,
      limit,
      ascending: ascending ?? false,
      format,
    },
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An Agent's or identified Group's inverse functional identifier as one string; undefined when it has none. */
export function identity(actor: unknown): string | undefined {
  if (!isObject(actor)) return undefined;
  if (typeof actor.mbox === 'string') return `mbox ${actor.mbox.toLowerCase()}`;
  if (typeof actor.mbox_sha1sum === 'string') return `sha1 ${actor.mbox_sha1sum.toLowerCase()}`;
  if (typeof actor.openid === 'string') return `openid ${actor.openid}`;
  const account = actor.account;
  if (isObject(account)) return `account ${String(account.homePage)} ${String(account.name)}`;
  return undefined;
}

/** Agents a statement is about: the actor and an agent object; with `related`, every agent it names. */
function agentsOf(s: Json, related: boolean): string[] {
  const found: unknown[] = [s.actor];
  const object = s.object;
  if (isObject(object) && (object.objectType === 'Agent' || object.objectType === 'Group'))
    found.push(object);
  if (related) {
    const context = isObject(s.context) ? s.context : {};
    found.push(s.authority, context.instructor, context.team);
    if (isObject(object) && object.objectType === 'SubStatement') found.push(...agentsOfSub(object));
    for (const group of found.slice()) {
      if (isObject(group) && Array.isArray(group.member)) found.push(...group.member);
    }
  }
  return found.map(identity).filter((k): k is string => k !== undefined);
}
const agentsOfSub = (sub: Json) => {
  const context = isObject(sub.context) ? sub.context : {};
  return [sub.actor, sub.object, context.instructor, context.team];
};

function activitiesOf(s: Json, related: boolean): string[] {
  const ids: unknown[] = [];
  const object = s.object;
  const activityId = (o: unknown) =>
    isObject(o) && (o.objectType === undefined || o.objectType === 'Activity') ? o.id : undefined;
  ids.push(activityId(object));
  if (related) {
    const contextActivities = (context: unknown) => {
      if (!isObject(context) || !isObject(context.contextActivities)) return;
      for (const list of Object.values(context.contextActivities)) {
        for (const a of Array.isArray(list) ? list : [list]) ids.push(activityId(a));
      }
    };
    contextActivities(s.context);
    if (isObject(object) && object.objectType === 'SubStatement') {
      ids.push(activityId(object.object));
      contextActivities(object.context);
    }
  }
  return ids.filter((id): id is string => typeof id === 'string');
}

export function matchesQuery(s: Json, q: Extract<StatementQuery, { kind: 'many' }>): boolean {
  if (q.verb !== undefined && (!isObject(s.verb) || s.verb.id !== q.verb)) return false;
  if (q.agent !== undefined && !agentsOf(s, q.relatedAgents).includes(q.agent)) return false;
  if (q.activity !== undefined && !activitiesOf(s, q.relatedActivities).includes(q.activity)) return false;
  if (q.registration !== undefined) {
    const registration = isObject(s.context) ? s.context.registration : undefined;
    if (typeof registration !== 'string' || registration.toLowerCase() !== q.registration) return false;
  }
  return true;
}

/**
 * A statement in the asked format: `exact` as stored; `ids` with agents, groups, activities and verbs cut
 * to what identifies them; `canonical` with each language map cut to the one language the caller prefers.
 */
export function formatStatement(s: Json, format: StatementFormat, languages: readonly string[]): Json {
  if (format === 'exact') return s;
  return transform(s, format, languages, '') as Json;
}

const IFI_KEYS = ['objectType', 'mbox', 'mbox_sha1sum', 'openid', 'account'];
const LANGUAGE_MAP_KEYS = new Set(['display', 'name', 'description']);

function transform(
  value: unknown,
  format: StatementFormat,
  languages: readonly string[],
  key: string,
): unknown {
  if (Array.isArray(value)) return value.map((v) => transform(v, format, languages, key));
  if (!isObject(value)) return value;
  if (format === 'ids') {
    if (key === 'verb') return { id: value.id };
    const type = value.objectType;
    const isActor = ['actor', 'authority', 'instructor', 'team', 'member'].includes(key);
    if (type === 'Agent' || type === 'Group' || (isActor && type === undefined)) {
      const kept: Json = Object.fromEntries(IFI_KEYS.filter((k) => k in value).map((k) => [k, value[k]]));
      if (type === 'Group' && identity(value) === undefined && Array.isArray(value.member)) {
        kept.member = transform(value.member, format, languages, 'member');
      }
      return kept;
    }
    if (
      (type === 'Activity' || type === undefined) &&
      typeof value.id === 'string' &&
      'definition' in value
    ) {
      return { ...(type ? { objectType: type } : {}), id: value.id };
    }
  }
  if (
    format === 'canonical' &&
    LANGUAGE_MAP_KEYS.has(key) &&
    Object.values(value).every((v) => typeof v === 'string')
  ) {
    const tags = Object.keys(value);
    const chosen =
      languages
        .map((l) => tags.find((t) => t.toLowerCase() === l.toLowerCase()))
        .find((t) => t !== undefined) ?? tags[0];
    return chosen === undefined ? {} : { [chosen]: value[chosen] };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transform(v, format, languages, k)]));
}

/** The languages an `Accept-Language` header asks for, most wanted first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}
