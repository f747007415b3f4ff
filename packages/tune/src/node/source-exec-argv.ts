import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const fromSources = (script: URL): boolean => script.pathname.endsWith('.ts');

/**
 * Node options a child process needs to run `script` from this package's TypeScript sources (as
 * the tests and `npx tsx` runs do): tsx's loader and the `@etagrad/source` export condition,
 * added to this process's own when missing. `undefined` for the built JavaScript.
 *
 * @param script The file the process runs.
 */
export function sourceExecArgv(script: URL): string[] | undefined {
  if (!fromSources(script)) return undefined;
  const has = (text: string) => process.execArgv.some((arg) => arg.includes(text));
  return [
    ...process.execArgv,
    ...(has('tsx') ? [] : ['--import', 'tsx']),
    ...(has('@etagrad/source') ? [] : ['--conditions=@etagrad/source']),
  ];
}

/** The URL of tsx's ESM API (its `import` export: the `require` one cannot be imported). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const target = exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return new URL(target, pathToFileURL(manifest)).href;
}

/**
 * What `new Worker(...)` takes to run `script` in a thread: the file itself when built; from the
 * sources, a small module that registers tsx's loader first (a thread's `--import` does not
 * apply to its own entry file on Node 20) with the `@etagrad/source` condition.
 *
 * @param script The file the thread runs.
 */
export function threadEntry(script: URL): { entry: URL | string; options: { eval?: boolean; execArgv?: string[] } } {
  if (!fromSources(script)) return { entry: script, options: {} };
  const tsx = tsxEsmApi();
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`;
  return { entry: boot, options: { eval: true, execArgv: ['--conditions=@etagrad/source'] } };
}
