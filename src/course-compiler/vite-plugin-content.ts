import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import type { Catalog } from '../shared/content/content-types';
import { SEARCH_INDEX_FILE } from '../shared/content/search-options';
import type { CompileResult } from './compile-course';
import { type ContentWorkspace, createContentWorkspace } from './content-workspace';
import { formatProblem } from './problems';
import { removedLessons } from './removed-lessons';
import { addSearchIndex } from './search-index';

export type ContentPluginOptions = {
  contentDir: string;
};

const TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

const errorsOf = (result: CompileResult) => result.problems.filter((p) => p.severity === 'error');

function problemsMessage(result: CompileResult): string {
  const errors = errorsOf(result);
  return `Content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${result.problems.map(formatProblem).join('\n')}`;
}

/**
 * Compiles `content/` into `content/catalog.json`, `content/modules/<id>.<hash>.json` and images.
 * `vite build` emits them (and fails listing every problem); `vite` serves them from memory and
 * recompiles on edits, showing problems in the error overlay instead of stopping.
 */
export function contentPlugin(options: ContentPluginOptions): Plugin {
  let workspace: ContentWorkspace;
  let result: CompileResult | undefined;
  let isBuild = false;
  let previousCatalogFile = '';

  return {
    name: 'pocket-cpd-content',
    configResolved(config) {
      isBuild = config.command === 'build';
      workspace = createContentWorkspace(options.contentDir, config.root);
      previousCatalogFile = resolve(config.root, config.build.outDir, 'content/catalog.json');
    },
    async buildStart() {
      if (!isBuild) return;
      await workspace.load();
      result = workspace.compile();
      for (const p of result.problems) if (p.severity === 'warning') this.warn(formatProblem(p));
      if (errorsOf(result).length > 0) this.error(problemsMessage(result));
      addSearchIndex(result);
      // The last build is still in outDir at this point: compare to spot lesson ids that vanished.
      const previous = await readFile(previousCatalogFile, 'utf8').then(
        (text) => JSON.parse(text) as Catalog,
        () => undefined,
      );
      if (previous) {
        for (const id of removedLessons(previous, result.catalog)) {
          this.warn(
            `lesson \`${id}\` was in the last build and is gone: learners' progress on it is orphaned`,
          );
        }
      }
    },
    generateBundle() {
      if (!isBuild || !result) return;
      for (const [fileName, source] of result.output) this.emitFile({ type: 'asset', fileName, source });
    },
    async configureServer(server) {
      await workspace.load();
      let served = workspace.compile();
      result = served;
      const logger = server.config.logger;
      const report = (r: CompileResult) => {
        const errors = errorsOf(r);
        if (errors.length > 0) {
          logger.error(problemsMessage(r), { timestamp: true });
          server.ws.send({
            type: 'error',
            err: { message: problemsMessage(r), stack: '', plugin: 'pocket-cpd-content' },
          });
        } else {
          for (const p of r.problems) logger.warn(formatProblem(p), { timestamp: true });
        }
        return errors.length === 0;
      };
      report(served);
      // A page opened while the content is broken still sees the overlay.
      server.ws.on('connection', () => {
        if (result && errorsOf(result).length > 0) {
          server.ws.send({ type: 'error', err: { message: problemsMessage(result), stack: '' } });
        }
      });

      server.watcher.add(workspace.dir);
      const onFileEvent = async (file: string) => {
        if (!(await workspace.update(file))) return;
        result = workspace.compile();
        // Keep serving the last good course while the author fixes an invalid edit.
        if (report(result)) {
          for (const id of removedLessons(served.catalog, result.catalog)) {
            logger.warn(`lesson \`${id}\` is gone: learners' progress on it is orphaned`, {
              timestamp: true,
            });
          }
          served = result;
          // The app reads the course once per page, so an edit shows after a reload.
          server.ws.send({ type: 'full-reload' });
        }
      };
      const handle = (file: string) => {
        onFileEvent(file).catch((err: unknown) => logger.error(String(err)));
      };
      server.watcher.on('change', handle);
      server.watcher.on('add', handle);
      server.watcher.on('unlink', handle);
      server.watcher.on('unlinkDir', handle);

      server.middlewares.use(contentMiddleware(server, () => served));
    },
  };
}

function contentMiddleware(server: ViteDevServer, current: () => CompileResult): Connect.NextHandleFunction {
  return (req, res, next) => {
    const base = server.config.base.replace(/\/$/, '');
    const url = (req.url ?? '').split('?')[0] ?? '';
    if (!url.startsWith(`${base}/content/`)) return next();
    const key = decodeURIComponent(url.slice(base.length + 1));
    const served = current();
    // Built when first asked for, not on every edit: most edits are previewed without searching.
    if (key === SEARCH_INDEX_FILE && !served.output.has(key)) addSearchIndex(served);
    const body = served.output.get(key);
    if (body === undefined) return next();
    res.setHeader('Content-Type', TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(body);
  };
}
