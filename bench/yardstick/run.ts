// `npm run bench:yardstick`: times the trainers of this folder against the yardstick's naive and
// fused baselines with ../shared/yardstick/compare.mjs (relative to the repository's root; the
// environment variable ETAGRAD_YARDSTICK names another folder), on both of its data files.
// Skips with one line when the folder is absent. Arguments: trainer names to run (default eager
// and compiled, those of the targets; per-sample and typed-tape when named), and --rounds N, passed
// on to compare.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const folder = process.env.ETAGRAD_YARDSTICK ?? resolve(root, '../shared/yardstick');
const compare = join(folder, 'compare.mjs');
const TRAINERS = ['eager', 'compiled', 'per-sample', 'typed-tape'];
const DEFAULT = ['eager', 'compiled'];
const DATA = ['moons100.json', 'moons1000.json'];

const args = process.argv.slice(2);
const roundsText = args.includes('--rounds') ? (args[args.indexOf('--rounds') + 1] ?? '') : '5';
if (!/^[1-9]\d*$/.test(roundsText)) {
  console.error(`bench:yardstick: --rounds must be a positive integer, got '${roundsText}'`);
  process.exit(2);
}
const rounds = ['--rounds', roundsText];
const named = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
const unknown = named.filter((a) => !TRAINERS.includes(a));
if (unknown.length > 0) {
  console.error(`bench:yardstick: trainers must be among ${TRAINERS.join(', ')}, got ${unknown.join(', ')}`);
  process.exit(2);
}

if (!existsSync(compare)) {
  console.log(`bench:yardstick: skipped, no yardstick at ${folder}`);
} else {
  let failed = false;
  for (const trainer of named.length > 0 ? named : DEFAULT) {
    for (const data of DATA) {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--conditions=@etagrad/source', compare, join(here, `${trainer}.ts`), '--data', data, ...rounds],
        { cwd: root, stdio: 'inherit' },
      );
      failed ||= run.status !== 0;
    }
  }
  if (failed) process.exitCode = 1;
}
