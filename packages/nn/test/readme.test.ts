import { readFileSync } from 'node:fs';
import * as autograd from '@etagrad/autograd';
import * as nn from '@etagrad/nn';
import ts from 'typescript';
import { expect, test } from 'vitest';

/** The ```ts block that follows `heading` in nn's README. */
function example(heading: string): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(`## ${heading}`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(start));
  if (start < 0 || block?.[1] === undefined) throw new Error(`no example under '## ${heading}'`);
  return block[1];
}

/** Runs a README example in this process, its imports served by the packages under test; returns what it logs. */
function run(code: string): string[] {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules: Record<string, unknown> = { '@etagrad/autograd': autograd, '@etagrad/nn': nn };
  const logs: string[] = [];
  const console = { log: (...args: unknown[]) => logs.push(args.map(String).join(' ')) };
  new Function('require', 'exports', 'console', js)((name: string) => modules[name], {}, console);
  return logs;
}

test('the README residual block runs: its fields hold 87 parameters and it learns', () => {
  // 2 blocks × (Linear(2, 8): 16 + 8, Linear(8, 2): 16 + 2) + Linear(2, 1): 2 + 1 = 87
  expect(run(example('Writing your own Module'))).toEqual(['87', 'blocks.0.inner.weight.0.0', 'true']);
});
