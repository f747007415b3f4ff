// Packs every published package (each non-private packages/*) into one folder, as `npm publish`
// would, and prints for each the `npm install` command that installs it with its @etagrad
// dependencies from there: the way to use one package before the packages are on the registry.
//
// Usage: node scripts/pack.mjs [folder]   (`npm run pack`; default folder: packs/)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A package's manifest, by its folder name under packages/. */
export const manifest = (dir) => JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));

/** The folder names of the packages that are published: every packages/* not marked private. */
export const publishedPackages = () =>
  readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !manifest(entry.name).private)
    .map((entry) => entry.name)
    .sort();

/** The package and every @etagrad package it depends on (dependencies and peers), transitively. */
export function closure(dir, seen = new Set()) {
  if (seen.has(dir)) return seen;
  seen.add(dir);
  const { dependencies = {}, peerDependencies = {} } = manifest(dir);
  for (const dep of Object.keys({ ...dependencies, ...peerDependencies })) {
    if (dep.startsWith('@etagrad/')) closure(dep.slice('@etagrad/'.length), seen);
  }
  return seen;
}

/**
 * Deletes the files in `dir`'s dist/ whose source is gone: `tsc -b` never removes the output of
 * a deleted source, and `npm pack` would ship it (with a source map pointing at nothing).
 */
function pruneStale(dir) {
  const dist = join(root, 'packages', dir, 'dist');
  if (!existsSync(dist)) return;
  for (const file of readdirSync(dist, { recursive: true })) {
    const base = String(file).replace(/(\.d\.ts|\.js)(\.map)?$/, '');
    if (base === String(file)) continue;
    if (!existsSync(join(root, 'packages', dir, 'src', `${base}.ts`))) rmSync(join(dist, String(file)));
  }
}

/**
 * Builds every package (from scratch with `fresh`) and packs each published one into `folder`
 * with one `npm pack`, outputs of deleted sources removed first. Returns each tarball's path.
 */
export function packAll(folder, { fresh = true } = {}) {
  const dirs = publishedPackages();
  if (fresh) {
    for (const dir of dirs) {
      rmSync(join(root, 'packages', dir, 'dist'), { recursive: true, force: true });
      rmSync(join(root, 'packages', dir, 'tsconfig.build.tsbuildinfo'), { force: true });
    }
  }
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  for (const dir of dirs) pruneStale(dir);
  mkdirSync(folder, { recursive: true });
  const packed = JSON.parse(execFileSync('npm', [
    'pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', folder,
    ...dirs.flatMap((dir) => ['-w', `packages/${dir}`]),
  ], { cwd: root, encoding: 'utf8' }));
  return Object.fromEntries(dirs.map((dir) => {
    const entry = packed.find((p) => p.name === `@etagrad/${dir}`);
    if (entry === undefined) throw new Error(`npm pack did not pack @etagrad/${dir}`);
    return [dir, join(folder, entry.filename)];
  }));
}

/** The `npm install` command that installs `dir` and its @etagrad dependencies from `tarballs`. */
export const installCommand = (dir, tarballs) =>
  `npm install ${[...closure(dir)].map((d) => tarballs[d]).join(' ')}`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = resolve(process.argv[2] ?? join(root, 'packs'));
  const tarballs = packAll(folder);
  console.log(`${Object.keys(tarballs).length} tarballs in ${relative(process.cwd(), folder) || '.'}; to install one package:`);
  for (const dir of Object.keys(tarballs)) console.log(`\n@etagrad/${dir}:\n  ${installCommand(dir, tarballs)}`);
}
