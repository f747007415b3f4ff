// Proves that each published package stands alone, as a user installs it: pack every package as
// `npm run pack` does, check what each tarball holds (the licence, every file its manifest points
// at, the sources of every source map), then install each library package's tarball (with its
// @etagrad/* dependencies' tarballs) into a fresh project outside the monorepo, import it by name
// from plain Node ESM, and type-check a TypeScript consumer (moduleResolution nodenext) against
// the shipped .d.ts.
//
// Usage: node scripts/check-packs.mjs [package ...]   (default: every library package)
// Prints one line per package and exits non-zero on the first failure.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closure, packAll, root } from './pack.mjs';
import { checkTarball } from './tarball-contents.mjs';

/** One export per library package that a consumer uses, to prove both the runtime and the types. */
export const probes = {
  check: 'checkNumber',
  autograd: 'Value',
  sched: 'cosine',
  nn: 'MLP',
  optim: 'Adam',
  train: 'fit',
  tune: 'lrFind',
};

const run = promisify(execFile);
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd });

async function checkConsumer(dir, tarballs, work) {
  const project = join(work, `consumer-${dir}`);
  mkdirSync(project);
  const name = `@etagrad/${dir}`;
  const probe = probes[dir];
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `consumer-${dir}`, private: true, type: 'module' }));
  await npm(['install', '--prefer-offline', ...[...closure(dir)].map((d) => tarballs[d])], project);

  writeFileSync(join(project, 'run.mjs'),
    `import { ${probe} } from '${name}';\n` +
    `if (typeof ${probe} !== 'function') throw new Error('${name}: ${probe} is not exported');\n` +
    `console.log('ok');\n`);
  const out = (await run(process.execPath, ['run.mjs'], { cwd: project })).stdout.trim();
  if (out !== 'ok') throw new Error(`${name}: plain Node import printed ${out}`);

  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] },
    files: ['consumer.ts'],
  }));
  writeFileSync(join(project, 'consumer.ts'),
    `import { ${probe} } from '${name}';\nexport const probe: typeof ${probe} = ${probe};\n`);
  await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project });
}

/**
 * Packs every published package and checks each tarball's contents, then checks a consumer of
 * each of `dirs` (each in its own project, all at once: most of their time is npm's I/O).
 * Resolves to one line per package checked; rejects with the first failure, once every check has ended.
 */
export async function checkPacks(dirs = Object.keys(probes)) {
  const work = mkdtempSync(join(tmpdir(), 'etagrad-packs-'));
  try {
    // Incremental build: deleting dist/ here would race with anything else reading it.
    const tarballs = packAll(join(work, 'packs'), { fresh: false });
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
    const results = Object.entries(tarballs).map(([dir, tarball]) => {
      const files = checkTarball(tarball, join(work, 'unpacked', dir), licence);
      return `@etagrad/${dir}: tarball holds LICENSE, every file its manifest names, the sources of its ${files.maps} source maps`;
    });
    // every check settles before the folder is removed, even after a failure
    const settled = await Promise.allSettled(dirs.map((dir) => checkConsumer(dir, tarballs, work)));
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    for (const dir of dirs) results.push(`@etagrad/${dir}: installs alone, imports from Node ESM, type-checks (nodenext)`);
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const line of await checkPacks(process.argv.length > 2 ? process.argv.slice(2) : undefined)) console.log(line);
}
