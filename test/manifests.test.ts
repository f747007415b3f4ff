import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { manifest, publishedPackages, root } from '../scripts/pack.mjs';

const read = (path: string): string => readFileSync(`${root}/${path}`, 'utf8');
const repository = 'https://github.com/etagrad/etagrad';

test('the root LICENSE is MIT, copyright the etagrad authors', () => {
  expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the etagrad authors\n/);
});

describe.each(publishedPackages())('@etagrad/%s', (dir) => {
  const pkg = manifest(dir);

  test('ships the root LICENSE and says MIT', () => {
    expect(pkg.license).toBe('MIT');
    expect(read(`packages/${dir}/LICENSE`)).toBe(read('LICENSE'));
    expect(pkg.files).toContain('LICENSE');
  });

  test('names its repository folder, home page, issue tracker, keywords and author', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${repository}.git`, directory: `packages/${dir}` });
    expect(pkg.homepage).toBe(`${repository}/tree/main/packages/${dir}#readme`);
    expect(pkg.bugs).toEqual({ url: `${repository}/issues` });
    expect(pkg.author).toBe('the etagrad authors');
    expect(pkg.keywords).toContain('etagrad');
  });

  test('exports its package.json and ships the sources its maps and source condition point at', () => {
    expect(pkg.exports['./package.json']).toBe('./package.json');
    expect(pkg.exports['.']['@etagrad/source']).toBe('./src/index.ts');
    expect(pkg.files).toContain('src');
  });

  test('its README links only to absolute addresses, which work on the registry page too', () => {
    const relative = [...read(`packages/${dir}/README.md`).matchAll(/\]\((?!https?:\/\/|#)([^)]*)\)/g)].map((m) => m[1]);
    expect(relative).toEqual([]);
  });
});

test('cli says that importing it runs code: its entry starts the command when run as a program', () => {
  expect(manifest('cli').sideEffects).toBe(true);
});

test('the API docs cover every published package, and every entry of each', () => {
  const config = JSON.parse(read('typedoc.json')) as { entryPoints: string[]; packageOptions: { entryPoints: string[] } };
  expect([...config.entryPoints].sort()).toEqual(publishedPackages().map((dir) => `packages/${dir}`));
  for (const dir of publishedPackages()) {
    const entries = Object.values(manifest(dir).exports as Record<string, string | Record<string, string>>)
      .flatMap((target) => (typeof target === 'string' ? [] : [target['@etagrad/source']]))
      .map((source) => source?.replace(/^\.\//, ''));
    // A package with more than one entry names them in its own typedoc.json.
    const own = `packages/${dir}/typedoc.json`;
    const documented = existsSync(`${root}/${own}`)
      ? (JSON.parse(read(own)) as { entryPoints: string[] }).entryPoints
      : config.packageOptions.entryPoints;
    expect([...documented].sort(), `@etagrad/${dir}`).toEqual([...entries].sort());
  }
});
