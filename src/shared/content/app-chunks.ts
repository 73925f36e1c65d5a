// Which built files a page of the app needs, read from Vite's manifest (dist/.vite/manifest.json): the
// server preloads them with a page (server/page-preloads.ts), and the build names them in each lesson page
// it renders (src/course-compiler/vite-plugin-lesson-pages.ts).

export type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean; css?: string[] };
export type Manifest = Record<string, ManifestChunk>;

/** The element of a lesson page the build rendered that lists the app's code (src/lesson-entry.ts). */
export const APP_CODE_ID = 'app-code';

/** The app's entry: index.html, whose script is src/main.tsx. */
export const APP_ENTRY = 'index.html';
/** The entry of a lesson page the build rendered, in place of the app's. */
export const LESSON_ENTRY = 'src/lesson-entry.ts';
// A lesson's page and its read-aloud controls load together (src/app/app-routes.tsx).
const LESSON_PAGE_CHUNKS = ['src/features/lesson/lesson-page.tsx', 'src/features/read-aloud/read-aloud.tsx'];

/** Each chunk's file with the files it imports, depth first, each once, in import order. */
export function chunkFiles(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

/** The entry's code (its file first, then what it imports), then a lesson page's own: JavaScript, each once. */
export function appCode(manifest: Manifest, { lesson }: { lesson: boolean }): string[] {
  const keys = lesson ? [APP_ENTRY, ...LESSON_PAGE_CHUNKS] : [APP_ENTRY];
  return chunkFiles(manifest, keys).filter((file) => file.endsWith('.js'));
}
