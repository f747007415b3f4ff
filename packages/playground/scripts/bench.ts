// The playground's speed and size, measured (not asserted): `npm run bench -w packages/playground`.
// - Node: the same Lane code, bundled by Vite as the worker is, on moons100, MLP 2-16-16-1, full-batch SGD, one lane and three.
// - Chromium (Debian's): the built page training the same run in its worker, one lane and three;
//   the main thread's long tasks (> 50 ms) while it trains, as a share of the time.
// - First load: the initial JS gzipped (-9; the worker chunk apart), and when the first heatmap
//   was drawn after navigation started.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { defaultConfig, plainLanes, type PlaygroundConfig } from '../src/config.js';
import type { Lane } from '../src/lane.js';
import type { PlaygroundSurface } from '../src/surface.js';
import { encodeConfig } from '../src/url-state.js';
import { chromiumPath, openHarness, openPage } from '../test/browser.js';

const steps = 3000;
const config = (lanes: number[]): PlaygroundConfig => ({ ...defaultConfig, schedule: 'constant(0.1)', lanes: plainLanes(...lanes), steps });

type LaneClass = typeof Lane;

/**
 * The Lane class bundled by Vite for Node as the page's worker is for the browser (tsx's module
 * getters would slow Node's side and flatter the page).
 */
async function bundledLane(): Promise<LaneClass> {
  const outDir = mkdtempSync(join(tmpdir(), 'etagrad-playground-node-'));
  const root = new URL('..', import.meta.url).pathname;
  await build({
    root,
    logLevel: 'warn',
    resolve: { conditions: ['@etagrad/source'] },
    ssr: { noExternal: true, resolve: { conditions: ['@etagrad/source'], externalConditions: ['@etagrad/source'] } },
    build: { ssr: 'src/lane.ts', outDir, emptyOutDir: true, rollupOptions: { output: { entryFileNames: 'lane.mjs' } } },
  });
  return ((await import(join(outDir, 'lane.mjs'))) as { Lane: LaneClass }).Lane;
}

/** Lock-step rounds per second in Node over rounds [warm, warm + count), the way the worker runs them. */
function nodeRate(Bundled: LaneClass, lanes: number, warm = 300, count = 700): number {
  const running = Array.from({ length: lanes }, () => new Bundled(config(Array(lanes).fill(1)), 1));
  for (let k = 0; k < warm; k++) for (const lane of running) lane.update();
  const start = performance.now();
  for (let k = 0; k < count; k++) for (const lane of running) lane.update();
  return count / ((performance.now() - start) / 1000);
}

type Surface = { etagradPlayground: PlaygroundSurface };

/** Steps per second per lane in the page between steps `from` and `to`, and the long tasks' share. */
async function browserRate(page: Page, from: number, to: number): Promise<{ rate: number; longShare: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const stepNow = () => page.evaluate(() => Math.min(...(window as unknown as Surface).etagradPlayground.lanes().map((l) => l.step)));
  await page.waitForFunction((n) => Math.min(...(window as unknown as Surface).etagradPlayground.lanes().map((l) => l.step)) >= n, from, { timeout: 600_000, polling: 50 });
  const [s0, t0] = [await stepNow(), performance.now()];
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  await page.waitForFunction((n) => Math.min(...(window as unknown as Surface).etagradPlayground.lanes().map((l) => l.step)) >= n, to, { timeout: 600_000, polling: 50 });
  const [s1, t1] = [await stepNow(), performance.now()];
  const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.reduce((a, b) => a + b, 0));
  return { rate: (s1 - s0) / ((t1 - t0) / 1000), longShare: long / (t1 - t0) };
}

function initialJsKiB(dist: string): number {
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(`${dist}/${f}`), { level: 9 }).length, 0);
  return bytes / 1024;
}

const fmt = (x: number, digits = 0) => x.toFixed(digits);

console.log(`Node ${process.version}; moons100, MLP 2-16-16-1, full-batch SGD, hinge + 1e-4·L2`);
const Bundled = await bundledLane();
const node1 = nodeRate(Bundled, 1);
const node3 = nodeRate(Bundled, 3);
console.log(`Node:     1 lane ${fmt(node1)} steps/s; 3 lanes ${fmt(node3)} steps/s per lane`);
if (chromiumPath === null) {
  console.log('Chromium: not installed (apt-get install chromium); browser figures skipped');
} else {
  const harness = await openHarness(chromiumPath);
  try {
    const dist = readdirSync(harness.outDir).includes('index.html') ? harness.outDir : '';
    const first = await openPage(harness, '');
    await first.waitForFunction(() => performance.getEntriesByName('first-heatmap').length > 0, null, { timeout: 60_000 });
    const heatmapMs = await first.evaluate(() => performance.getEntriesByName('first-heatmap')[0]?.startTime ?? Number.NaN);
    await first.close();
    console.log(`First load: initial JS ${fmt(initialJsKiB(dist), 1)} KiB gzip -9 (worker apart); first heatmap ${fmt(heatmapMs)} ms after navigation`);
    for (const lanes of [1, 3]) {
      const page = await openPage(harness, encodeConfig(config(Array(lanes).fill(1))));
      const { rate, longShare } = await browserRate(page, 300, 1000);
      const node = lanes === 1 ? node1 : node3;
      console.log(
        `Chromium: ${lanes} lane${lanes === 1 ? ' ' : 's'} ${fmt(rate)} steps/s per lane (Node/Chromium ${fmt(node / rate, 2)}x); main-thread long tasks ${fmt(longShare * 100, 1)}% of the time`,
      );
      await page.close();
    }
  } finally {
    await harness.close();
  }
}
