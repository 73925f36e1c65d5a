// `node --import tsx server/precompress-cli.ts [dist]`: precompresses a built PWA (used by start.mjs).
import { precompressDist } from './precompress-dist';

const dir = process.argv[2] ?? 'dist';
precompressDist(dir).then(
  (count) => process.stdout.write(`precompressed ${count} files in ${dir}\n`),
  (error: unknown) => {
    process.stderr.write(`precompress failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
