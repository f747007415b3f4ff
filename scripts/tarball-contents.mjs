// What a package's tarball must hold for a user: the licence, every file its manifest points at
// (exports under every condition, types, bin), and the file behind every source of every source
// map, so that stack traces under --enable-source-maps and "go to definition" land on real code.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Every string target in an `exports` value, under any condition. */
const targets = (value) =>
  typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(targets);

/** Extracts `tarball` into `into` and checks it; throws naming the first missing file. */
export function checkTarball(tarball, into, licence) {
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', into]);
  const base = join(into, 'package');
  const files = new Set(readdirSync(base, { recursive: true }).map((f) => f.split('\\').join('/')));
  const pkg = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8'));
  const missing = (what, path) => new Error(`${pkg.name}: ${what} ${path} is not in the tarball ${tarball}`);

  if (!files.has('LICENSE') || readFileSync(join(base, 'LICENSE'), 'utf8') !== licence) {
    throw new Error(`${pkg.name}: the tarball's LICENSE is missing or differs from the root LICENSE`);
  }
  const named = [...targets(pkg.exports), pkg.types, ...targets(pkg.bin)].filter((t) => t !== undefined);
  for (const target of named) {
    if (!files.has(posix.normalize(target))) throw missing('the manifest\'s', target);
  }
  const maps = [...files].filter((f) => f.endsWith('.map'));
  for (const map of maps) {
    const { sources, sourceRoot = '' } = JSON.parse(readFileSync(join(base, map), 'utf8'));
    for (const source of sources) {
      const path = posix.normalize(posix.join(posix.dirname(map), sourceRoot, source));
      if (!files.has(path)) throw missing(`${map}'s source`, path);
    }
  }
  return { maps: maps.length };
}
