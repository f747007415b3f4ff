// Proves that each library package stands alone, as a user installs it: `npm pack` in its folder,
// install the tarball (with its @etagrad/* dependencies' tarballs) into a fresh project outside
// the monorepo, import it by name from plain Node ESM, and type-check a TypeScript consumer
// (moduleResolution nodenext) against the shipped .d.ts.
//
// Usage: node scripts/check-packs.mjs [package ...]   (default: every library package)
// Prints one line per package and exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One export per package that a consumer uses, to prove both the runtime and the types. */
export const probes = {
  check: 'checkNumber',
  autograd: 'Value',
  sched: 'cosine',
  nn: 'MLP',
  optim: 'Adam',
  train: 'fit',
};

const npm = (args, cwd) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

const manifest = (dir) => JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));

/** The package and every @etagrad package it depends on, transitively. */
function closure(dir, seen = new Set()) {
  if (seen.has(dir)) return seen;
  seen.add(dir);
  for (const dep of Object.keys(manifest(dir).dependencies ?? {})) {
    if (dep.startsWith('@etagrad/')) closure(dep.slice('@etagrad/'.length), seen);
  }
  return seen;
}

function check(dir, tarballs, work) {
  const project = join(work, `consumer-${dir}`);
  mkdirSync(project);
  const name = `@etagrad/${dir}`;
  const probe = probes[dir];
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `consumer-${dir}`, private: true, type: 'module' }));
  npm(['install', '--prefer-offline', ...[...closure(dir)].map((d) => tarballs[d])], project);

  writeFileSync(join(project, 'run.mjs'),
    `import { ${probe} } from '${name}';\n` +
    `if (typeof ${probe} !== 'function') throw new Error('${name}: ${probe} is not exported');\n` +
    `console.log('ok');\n`);
  const out = execFileSync(process.execPath, ['run.mjs'], { cwd: project, encoding: 'utf8' }).trim();
  if (out !== 'ok') throw new Error(`${name}: plain Node import printed ${out}`);

  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] },
    files: ['consumer.ts'],
  }));
  writeFileSync(join(project, 'consumer.ts'),
    `import { ${probe} } from '${name}';\nexport const probe: typeof ${probe} = ${probe};\n`);
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
}

export function checkPacks(dirs = Object.keys(probes)) {
  const work = mkdtempSync(join(tmpdir(), 'etagrad-packs-'));
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
    const tarballs = {};
    for (const dir of new Set(dirs.flatMap((d) => [...closure(d)]))) {
      const file = npm(['pack', '--ignore-scripts', '--pack-destination', work], join(root, 'packages', dir)).trim().split('\n').pop();
      tarballs[dir] = join(work, file);
    }
    const results = [];
    for (const dir of dirs) {
      check(dir, tarballs, work);
      results.push(`@etagrad/${dir}: packs, installs alone, imports from Node ESM, type-checks (nodenext)`);
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const line of checkPacks(process.argv.length > 2 ? process.argv.slice(2) : undefined)) console.log(line);
}
