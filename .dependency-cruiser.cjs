// Layer rules of DESIGN.md §2, checked by `npm run check`. A rule failing here means a folder reached
// past its layer; move the code to where it belongs rather than adding an exception.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'feature-to-other-feature',
      comment: 'A feature never imports another feature; lift shared code to components/ or lib/.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/([^/]+)/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'only-main-imports-app',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(app|main\\.tsx)' },
      to: { path: '^src/app/' },
    },
    {
      name: 'shared-folders-never-import-features',
      severity: 'error',
      from: { path: '^src/(components|lib|db|api|sync|shared|pwa|downloads|lesson-markup)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'src/shared imports nothing else from src.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'components-and-lib-stay-low',
      severity: 'error',
      from: { path: '^src/(components|lib)/' },
      to: { path: '^src/(db|api|sync|pwa|downloads|app)/' },
    },
    {
      name: 'api-imports-only-shared',
      comment:
        'src/api is the one door to the server: typed calls on the shared schemas, nothing else from src.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/', pathNot: '^src/(api|shared)/' },
    },
    {
      name: 'api-has-no-react-or-dexie',
      severity: 'error',
      from: { path: '^src/api/' },
      to: {
        path: '(^|/)node_modules/(react|react-dom|react-router|dexie|dexie-react-hooks)/',
        reachable: true,
      },
    },
    {
      name: 'api-is-used-by-sync-and-features',
      comment: 'DESIGN.md §2: features and sync call the server; the UI kit, db and pwa never do.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(api|sync|features)/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'db-and-sync-have-no-react',
      comment: 'Checked through every module they reach, not only their own imports.',
      severity: 'error',
      from: { path: '^src/(db|sync)/' },
      to: { path: '(^|/)node_modules/(react|react-dom|react-router|dexie-react-hooks)/', reachable: true },
    },
    {
      name: 'dexie-react-hooks-lives-in-lib',
      comment: 'The React hook over Dexie has one home: src/lib/data/use-live-query.ts. Features call it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/lib/data/use-live-query\\.ts$' },
      to: { path: '(^|/)node_modules/dexie-react-hooks/' },
    },
    {
      name: 'features-use-repositories-not-the-database',
      comment:
        'A feature reads and writes through a repository (src/db/*-repo.ts), never the Dexie instance.',
      severity: 'error',
      from: { path: '^src/(features|components|lib|app)/' },
      to: { path: '^src/db/db\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'db-never-imports-sync',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/sync/' },
    },
    {
      name: 'dexie-lives-in-db',
      severity: 'error',
      // The one exception is the React hook over Dexie's change feed (src/lib/data/use-live-query.ts).
      from: { path: '^src/', pathNot: '^src/(db/|lib/data/use-live-query\\.ts$)' },
      to: { path: '(^|/)node_modules/dexie/' },
    },
    {
      name: 'workbox-lives-in-sw-and-pwa',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(sw|pwa)/' },
      to: { path: '(^|/)node_modules/workbox-' },
    },
    {
      name: 'ui-never-imports-node-side',
      severity: 'error',
      // The build and the service worker may import their own files; nothing else may import them.
      from: { path: '^src/', pathNot: '^src/(course-compiler|sw)/' },
      to: { path: '^(src/(sw|course-compiler)|server)/' },
    },
    {
      name: 'node-side-imports-only-shared',
      severity: 'error',
      from: { path: '^(src/course-compiler|server)/' },
      to: { path: '^src/', pathNot: '^src/(shared|course-compiler)/' },
    },
    {
      name: 'sw-imports-shared-and-lesson-markup',
      comment:
        'The service worker renders a downloaded lesson with the one lesson markup (src/lesson-markup).',
      severity: 'error',
      from: { path: '^src/sw/' },
      to: { path: '^src/', pathNot: '^src/(shared|sw|lesson-markup)/' },
    },
    {
      name: 'lesson-markup-is-only-markup',
      comment:
        'src/lesson-markup is rendered by the service worker too: shared code, the compiled-HTML element and the display formats only.',
      severity: 'error',
      from: { path: '^src/lesson-markup/' },
      to: {
        path: '^src/',
        pathNot: '^src/(lesson-markup|shared)/|^src/(components/compiled-html\\.tsx|lib/text/format\\.ts)$',
      },
    },
    {
      name: 'lesson-markup-needs-only-react',
      severity: 'error',
      from: { path: '^src/lesson-markup/' },
      to: { path: '(^|/)node_modules/', pathNot: '(^|/)node_modules/(react|react-dom)/' },
    },
    {
      name: 'server-rendering-stays-off-the-page',
      comment:
        'react-dom/server is for the build and the service worker; in the app it would cost every visit.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: '^src/(app/render-lesson-page\\.tsx|lesson-markup/lesson-article-html\\.tsx)$',
      },
      to: { path: '(^|/)node_modules/react-dom/server' },
    },
    {
      name: 'sw-and-build-stay-apart',
      severity: 'error',
      from: { path: '^src/sw/' },
      to: { path: '^src/course-compiler/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays in the graph (not followed) so the package rules above can see it.
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
