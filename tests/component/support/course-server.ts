// A stand-in for the server's /content/ files in component tests: the fixture course as UTF-8 bytes, with
// byte ranges like server/static-files.ts, and a switch to cut the connection part-way through a bundle.
import { vi } from 'vitest';
import type { Catalog, ModuleBundle } from '../../../src/shared/content/content-types';
import { fixtureBundles, fixtureCatalog } from '../../helpers/fixture-course';

export type SeenRequest = { path: string; range?: string };

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The catalogue with `bytes` as the compiler writes them: the bundle file's size in UTF-8. */
export function withTrueSizes(catalog: Catalog, bundles: Record<string, ModuleBundle>): Catalog {
  return {
    ...catalog,
    modules: catalog.modules.map((m) => ({ ...m, bytes: utf8(bundles[m.file]).byteLength })),
  };
}

export function courseServer(
  bundles: Record<string, ModuleBundle> = fixtureBundles,
  catalog: Catalog = withTrueSizes(fixtureCatalog, bundles),
) {
  const requests: SeenRequest[] = [];
  let cutAfter: number | undefined;
  let status: number | undefined;
  let hold: Promise<void> | undefined;

  const respond = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = new URL(String(input), 'http://localhost').pathname.replace(/^\/content\//, '');
    const range = new Headers(init?.headers).get('range') ?? undefined;
    requests.push({ path, range });
    if (path === 'catalog.json') return Response.json(catalog);
    const bundle = bundles[path];
    if (!bundle) return new Response('Not found', { status: 404 });
    if (status) return new Response('Server error', { status });
    const bytes = utf8(bundle);
    const start = range ? Number(/^bytes=(\d+)-$/.exec(range)?.[1] ?? 0) : 0;
    const body = bytes.slice(start);
    const cut = cutAfter;
    cutAfter = undefined;
    const gate = hold;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (cut !== undefined && sent >= cut) {
          controller.error(new TypeError('network error: the connection was lost'));
          return;
        }
        const end = cut !== undefined ? cut : Math.ceil(body.byteLength / 2);
        if (sent === 0) {
          controller.enqueue(body.slice(0, end));
          sent = end;
          return;
        }
        if (gate) await gate;
        controller.enqueue(body.slice(sent));
        sent = body.byteLength;
        controller.close();
      },
    });
    const headers = new Headers({ 'content-type': 'application/json' });
    if (range) headers.set('content-range', `bytes ${start}-${bytes.byteLength - 1}/${bytes.byteLength}`);
    return new Response(stream, { status: range ? 206 : 200, headers });
  };

  return {
    catalog,
    requests,
    fetch: vi.fn(respond),
    /** The next bundle response stops after `bytes` bytes, as when the signal drops. */
    cutNextAfter(bytes: number) {
      cutAfter = bytes;
    },
    /** Bundle responses send their first half, then wait for `release()`. */
    holdSecondHalf() {
      let release = () => {};
      hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        release();
        hold = undefined;
      };
    },
    failWith(code: number | undefined) {
      status = code;
    },
    bytesOf: (file: string) => utf8(bundles[file]).byteLength,
  };
}
