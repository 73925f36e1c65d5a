import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * For the service worker's build: `react-dom/server` as React's string renderer alone. The worker renders a
 * downloaded lesson with `renderToString` (src/lesson-markup/lesson-article-html.tsx), and the package's
 * browser entry is CommonJS that also carries the streaming renderer, which no bundler can drop: about
 * half of the worker's bytes, parsed on every cold start.
 */
export function stringRendererOnly(): Plugin {
  let renderer = '';
  return {
    name: 'pocket-cpd-string-renderer-only',
    enforce: 'pre',
    apply: 'build',
    configResolved(config) {
      const reactDom = path.dirname(
        createRequire(path.join(config.root, 'package.json')).resolve('react-dom/package.json'),
      );
      renderer = path.join(reactDom, 'cjs', 'react-dom-server-legacy.browser.production.js');
    },
    resolveId(id) {
      return id === 'react-dom/server' ? renderer : null;
    },
  };
}
