import { describe, expect, test } from 'vitest';
import { browserEntries, bundle } from '../scripts/bundle.mjs';

describe.each(browserEntries())('%s', (entry) => {
  test('bundles for the browser with no Node built-in and no Node global', async () => {
    const { builtins, globals } = await bundle(`export * from '${entry}';`);
    expect({ builtins, globals }).toEqual({ builtins: [], globals: [] });
  });
});

test('every library package but cli has a browser entry, and each package its main one', () => {
  expect(browserEntries()).toEqual(expect.arrayContaining(
    ['check', 'autograd', 'sched', 'nn', 'optim', 'train'].map((dir) => `@etagrad/${dir}`)));
  expect(browserEntries()).not.toContain('@etagrad/cli');
});

test('the check sees a Node built-in, whoever imports it, and the Node globals', async () => {
  const found = await bundle(`import { readFileSync } from 'node:fs'; import 'events';\n` +
    `export const f = (name) => [readFileSync, process.env, Buffer.from(''), require(name), window.process];`);
  expect(found.builtins).toEqual(['node:fs (imported by entry.js)', 'events (imported by entry.js)']);
  expect(found.globals.sort()).toEqual(['Buffer', 'process', 'require']);
});
