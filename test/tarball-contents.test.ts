import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkTarball } from '../scripts/tarball-contents.mjs';

const work = mkdtempSync(join(tmpdir(), 'etagrad-tarball-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const licence = 'MIT License\n';
const manifest = { name: '@etagrad/x', exports: { '.': { '@etagrad/source': './src/index.ts', default: './dist/index.js' } } };
const map = JSON.stringify({ version: 3, file: 'index.js', sources: ['../src/index.ts'], mappings: '' });
const complete = {
  'package.json': JSON.stringify(manifest), LICENSE: licence,
  'dist/index.js': '', 'dist/index.js.map': map, 'src/index.ts': '',
};

let count = 0;
/** Packs `files` (path → text) under package/ into a tarball, as npm lays one out. */
function tarball(files: Record<string, string>): string {
  count += 1;
  const dir = join(work, `src-${count}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'package', path)), { recursive: true });
    writeFileSync(join(dir, 'package', path), text);
  }
  const file = join(work, `x-${count}.tgz`);
  execFileSync('tar', ['-czf', file, '-C', dir, 'package']);
  return file;
}
const check = (files: Record<string, string>) => checkTarball(tarball(files), join(work, `out-${count}`), licence);

test('a tarball with its licence, its manifest targets and its maps\' sources passes', () => {
  expect(check(complete)).toEqual({ maps: 1 });
});

test('a map whose source is not in the tarball fails, naming the map and the source', () => {
  const { 'src/index.ts': _source, ...files } = complete;
  const withoutCondition = { ...manifest, exports: { '.': { default: './dist/index.js' } } };
  expect(() => check({ ...files, 'package.json': JSON.stringify(withoutCondition) }))
    .toThrow(/^@etagrad\/x: dist\/index\.js\.map's source src\/index\.ts is not in the tarball /);
});

test('an export condition pointing at a missing file fails', () => {
  const { 'src/index.ts': _source, ...files } = complete;
  expect(() => check(files)).toThrow(/^@etagrad\/x: the manifest's \.\/src\/index\.ts is not in the tarball /);
});

test('a missing or different LICENSE fails', () => {
  const { LICENSE: _licence, ...files } = complete;
  expect(() => check(files)).toThrow('@etagrad/x: the tarball\'s LICENSE is missing or differs from the root LICENSE');
  expect(() => check({ ...complete, LICENSE: 'ISC' })).toThrow(/LICENSE is missing or differs/);
});
