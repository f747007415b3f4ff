// Bundles @etagrad entries for the browser as a user's bundler would (esbuild, platform browser,
// minified, every @etagrad package bundled in, built from the sources through the
// @etagrad/source condition so no build step is needed), and reports what each bundle holds:
// its size and every Node built-in it tried to import.
//
// Usage: node scripts/bundle.mjs   (prints each budget's size; `npm run size`)
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { manifest, publishedPackages, root } from './pack.mjs';

/** Packages that run only under Node, whatever their entries: the command line. */
export const nodeOnlyPackages = ['cli'];

/**
 * Every entry that must run in a browser: each export of each library package but `./node`
 * (Node-only by its name: files, terminal, worker threads) and `./package.json`.
 */
export function browserEntries() {
  return publishedPackages()
    .filter((dir) => !nodeOnlyPackages.includes(dir))
    .flatMap((dir) => Object.keys(manifest(dir).exports)
      .filter((subpath) => subpath !== './node' && subpath !== './package.json')
      .map((subpath) => `@etagrad/${dir}${subpath.slice(1)}`));
}

/** Budgets in bytes, minified: what `import { name } from specifier` may add to a browser bundle. */
export const budgets = [
  { name: 'Value', from: '@etagrad/autograd', limit: 8 * 1024 },
  { name: 'cosine', from: '@etagrad/sched', limit: 2 * 1024 },
  { name: 'SGD', from: '@etagrad/optim', limit: 10 * 1024 },
  { name: 'Adam', from: '@etagrad/optim', limit: 12 * 1024 },
  { name: 'MLP', from: '@etagrad/nn', limit: 18 * 1024 },
];

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
// Globals only Node defines; a browser has none of them. Matched as whole identifiers that are
// not a property (`x.process` is fine) in the minified code, whose local names are all renamed.
const nodeGlobals = /(?<![\w$.])(process|Buffer|__dirname|__filename|require)(?![\w$])/g;

/**
 * Bundles `source` (ESM importing @etagrad packages) for the browser. Returns the minified
 * code, its size in bytes, the Node built-ins imported (with the importing file) and the Node
 * globals the code names.
 */
export async function bundle(source) {
  const imported = [];
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js', sourcefile: 'entry.js' },
    bundle: true, minify: true, format: 'esm', platform: 'browser', write: false,
    conditions: ['@etagrad/source'], logLevel: 'silent',
    plugins: [{
      name: 'node-builtins',
      setup(context) {
        context.onResolve({ filter: /.*/ }, ({ path, importer }) => {
          if (!builtins.has(path)) return undefined;
          imported.push(`${path} (imported by ${importer.replace(`${root}/`, '')})`);
          return { path, external: true };
        });
      },
    }],
  });
  const code = result.outputFiles[0].text;
  return { code, bytes: Buffer.byteLength(code), builtins: imported, globals: [...new Set(code.match(nodeGlobals))] };
}

/** Each budget with the bytes its import bundles to now, measured in parallel by one esbuild service. */
export function measureBudgets() {
  return Promise.all(budgets.map(async (budget) =>
    ({ ...budget, bytes: (await bundle(`export { ${budget.name} } from '${budget.from}';`)).bytes })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { name, from, limit, bytes } of await measureBudgets()) {
    const verdict = bytes <= limit ? `${limit - bytes} B to spare` : `OVER by ${bytes - limit} B`;
    console.log(`${name} from ${from}: ${bytes} B = ${(bytes / 1024).toFixed(1)} KiB (budget ${limit / 1024} KiB: ${verdict})`);
  }
  for (const entry of browserEntries()) {
    const { bytes, builtins: found, globals } = await bundle(`export * from '${entry}';`);
    console.log(`${entry}: ${(bytes / 1024).toFixed(1)} KiB; Node built-ins: ${found.join(', ') || 'none'}; Node globals: ${globals.join(', ') || 'none'}`);
  }
}
