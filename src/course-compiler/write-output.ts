import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Writes the compiled files under `outDir`. Old bundles are left for the caller to clear. */
export async function writeOutput(
  outDir: string,
  output: ReadonlyMap<string, string | Uint8Array>,
): Promise<void> {
  const dirs = new Set([...output.keys()].map((p) => dirname(join(outDir, p))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await Promise.all([...output].map(([p, data]) => writeFile(join(outDir, p), data)));
}
