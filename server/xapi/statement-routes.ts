// The xAPI 1.0.3 Statements resource (docs/xapi.md), for the tools a college or trust already runs:
// - GET /xapi/about: the versions spoken (no credentials).
// - GET /xapi/statements: one statement (statementId, voidedStatementId) or a page of them, with every
//   filter, newest stored first unless `ascending`, and `more` to the next page.
// - PUT /xapi/statements?statementId=…: one statement (204); POST /xapi/statements: one or a batch (200
//   and their ids). Only with a writable key.
// Every request but `about` carries HTTP Basic credentials (an xAPI key) and X-Experience-API-Version;
// every answer carries X-Experience-API-Version.

import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { describeIssues } from '../read-json';
import { XAPI_VERSION } from './event-statement';
import { siteBaseUrl } from './site-base-url';
import {
  acceptedLanguages,
  formatStatement,
  identity,
  matchesQuery,
  parseStatementQuery,
  type StatementQuery,
} from './statement-query';
import { type IncomingStatement, statementSchema } from './statement-schema';
import { oneStatement, statementsInReach, storeStatements } from './statement-store';
import { scopeOfBasic, type XapiScope } from './xapi-credentials';

type XapiEnv = AppEnv & { Variables: { xapiScope: XapiScope } };

const bad = (message: string) => new HttpError(400, 'bad_request', message);

export function statementRoutes(deps: AppDeps): Hono<XapiEnv> {
  const { db, clock, config } = deps;
  const baseUrl = (c: Context) => siteBaseUrl(config, c.req.url);

  const page = async (
    c: Context<XapiEnv>,
    queryText: string,
    query: Extract<StatementQuery, { kind: 'many' }>,
    after?: Cursor,
  ) => {
    const scope = c.get('xapiScope');
    const now = clock();
    // Descending pages walk back from `after`; ascending ones forward from it.
    const window = {
      after: query.ascending && after ? Math.max(after.storedAt - 1, query.since ?? -1) : query.since,
      upTo:
        !query.ascending && after
          ? Math.min(after.storedAt, query.until ?? Number.MAX_SAFE_INTEGER)
          : query.until,
    };
    const found = (await statementsInReach(deps, scope, baseUrl(c), window))
      .filter((s) => matchesQuery(s.statement, query))
      .sort(
        (a, b) =>
          (a.storedAt - b.storedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) * (query.ascending ? 1 : -1),
      )
      .filter((s) => !after || isPast(s, after, query.ascending));
    const shown = found.slice(0, query.limit);
    const last = shown.at(-1);
    const more =
      found.length > query.limit && last
        ? `/xapi/statements/more/${encodeCursor({ query: queryText, storedAt: last.storedAt, id: last.id })}`
        : '';
    const languages = acceptedLanguages(c.req.header('accept-language'));
    c.header('Consistent-Through', new Date(now).toISOString());
    return c.json({
      statements: shown.map((s) => formatStatement(s.statement, query.format, languages)),
      more,
    });
  };

  return new Hono<XapiEnv>()
    .use('*', async (c, next) => {
      c.header('X-Experience-API-Version', XAPI_VERSION);
      await next();
      c.res.headers.set('X-Experience-API-Version', XAPI_VERSION);
    })
    .use(
      '*',
      bodyLimit({
        maxSize: config.bodyLimitBytes,
        onError: (c) =>
          c.json(
            {
              error: { code: 'body_too_large', message: `The body is over ${config.bodyLimitBytes} bytes.` },
            },
            413,
          ),
      }),
    )
    .get('/about', (c) => c.json({ version: [XAPI_VERSION], extensions: {} }))
    .use('*', async (c, next) => {
      const version = c.req.header('x-experience-api-version');
      if (version === undefined) throw bad('Send the X-Experience-API-Version header (1.0.3).');
      if (!/^1\.0(\.\d+)?$/.test(version)) throw bad(`This resource speaks xAPI 1.0.x, not ${version}.`);
      const scope = await scopeOfBasic(db, c.req.header('authorization'), clock());
      if (!scope) {
        throw new HttpError(401, 'unauthorized', 'Give an xAPI key and its secret (HTTP Basic).', {
          'WWW-Authenticate': 'Basic realm="xAPI", charset="UTF-8"',
        });
      }
      c.set('xapiScope', scope);
      await next();
    })
    .get('/statements', async (c) => {
      const params = new URL(c.req.url).searchParams;
      const parsed = parseStatementQuery(params);
      if (!parsed.ok) throw bad(parsed.message);
      const { query } = parsed;
      if (query.kind === 'one') {
        const found = await oneStatement(deps, c.get('xapiScope'), baseUrl(c), query.id, query.voided);
        if (!found)
          throw new HttpError(404, 'statement_not_found', 'There is no such statement in reach of this key.');
        c.header('Last-Modified', new Date(String(found.stored)).toUTCString());
        return c.json(
          formatStatement(found, query.format, acceptedLanguages(c.req.header('accept-language'))),
        );
      }
      return page(c, params.toString(), query);
    })
    .get('/statements/more/:token', async (c) => {
      const cursor = decodeCursor(c.req.param('token'));
      const parsed = cursor ? parseStatementQuery(new URLSearchParams(cursor.query)) : undefined;
      if (!cursor || !parsed?.ok || parsed.query.kind !== 'many') {
        throw bad('This is not a `more` address this resource gave.');
      }
      return page(c, cursor.query, parsed.query, cursor);
    })
    .put('/statements', async (c) => {
      const scope = writable(c);
      const params = new URL(c.req.url).searchParams;
      const other = [...params.keys()].find((n) => n !== 'statementId');
      if (other !== undefined) throw bad(`Unknown parameter "${other}" for PUT.`);
      const id = params.get('statementId');
      if (id === null) throw bad('PUT needs the statementId parameter.');
      const body = await readBody(c);
      if (Array.isArray(body)) throw bad('PUT takes one statement, not a list.');
      const statement = validate(body, '');
      if (statement.id !== undefined && statement.id.toLowerCase() !== id.toLowerCase()) {
        throw bad('The statement’s id differs from statementId.');
      }
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)) {
        throw bad('statementId must be a UUID.');
      }
      const withId = { ...statement, id };
      await storeStatements(deps, scope, baseUrl(c), [
        { statement: withId, learnerId: await whose(c, scope, withId) },
      ]);
      return c.body(null, 204);
    })
    .post('/statements', async (c) => {
      const scope = writable(c);
      const name = [...new URL(c.req.url).searchParams.keys()][0];
      if (name !== undefined) throw bad(`Unknown parameter "${name}" for POST.`);
      const body = await readBody(c);
      const list = Array.isArray(body) ? body : [body];
      const statements = list.map((s, i) => validate(s, Array.isArray(body) ? `[${i}] ` : ''));
      const incoming = [];
      for (const statement of statements)
        incoming.push({ statement, learnerId: await whose(c, scope, statement) });
      return c.json(await storeStatements(deps, scope, baseUrl(c), incoming));
    });

  /** The learner whose records a statement joins: the key's learner, or, for a team key, the member it is about. */
  async function whose(c: Context<XapiEnv>, scope: XapiScope, statement: IncomingStatement): Promise<string> {
    if (scope.owner.kind === 'learner') return scope.owner.learnerId;
    const prefix = `account ${baseUrl(c)} `;
    const actor = identity(statement.actor);
    const member = actor?.startsWith(prefix)
      ? await db.kysely
          .selectFrom('team_members')
          .select('learner_id')
          .where('team_id', '=', scope.owner.teamId)
          .where('learner_id', '=', actor.slice(prefix.length))
          .executeTakeFirst()
      : undefined;
    if (!member) {
      throw new HttpError(
        403,
        'not_a_member',
        `A team key writes statements only about the team's members: an actor with the account {"homePage": "${baseUrl(c)}", "name": <member id>}.`,
      );
    }
    return member.learner_id;
  }
}

function writable(c: Context<XapiEnv>): XapiScope {
  const scope = c.get('xapiScope');
  if (!scope.writable) throw new HttpError(403, 'read_only_key', 'This xAPI key reads statements only.');
  return scope;
}

async function readBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\//i.test(type)) {
    throw bad('Attachments are accepted only by fileUrl: send statements as application/json.');
  }
  if (!/^application\/json\b/i.test(type)) throw bad('Send statements as application/json.');
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw bad('The body is not valid JSON.');
  }
}

function validate(value: unknown, where: string): IncomingStatement {
  const parsed = statementSchema.safeParse(value);
  if (!parsed.success) throw bad(`${where}${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

type Cursor = { query: string; storedAt: number; id: string };

function isPast(s: { storedAt: number; id: string }, after: Cursor, ascending: boolean): boolean {
  const order = s.storedAt - after.storedAt || (s.id < after.id ? -1 : s.id > after.id ? 1 : 0);
  return ascending ? order > 0 : order < 0;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(token: string): Cursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (
      typeof value.query === 'string' &&
      typeof value.storedAt === 'number' &&
      typeof value.id === 'string'
    ) {
      return { query: value.query, storedAt: value.storedAt, id: value.id };
    }
  } catch {
    // Not ours: the caller answers 400.
  }
  return undefined;
}
