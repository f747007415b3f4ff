// The browser tests' harness: one build of the page, served on 127.0.0.1 by Vite's preview
// server, and one Chromium (Debian's, never downloaded) shared by every test of the file.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { PlaygroundSurface, LaneReport } from '../src/surface.js';

const root = new URL('..', import.meta.url).pathname;

/** The Chromium executable, or null where none is installed (`.ci/run` installs Debian's). */
export const chromiumPath: string | null = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
) ?? null;

/** The flags this machine's closed network needs (no background connections, no sandbox as root). */
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A running page server and browser. */
export interface Harness {
  readonly url: string;
  /** Where the page was built. */
  readonly outDir: string;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Builds the page into a temporary folder, serves it and launches Chromium. */
export async function openHarness(executablePath: string): Promise<Harness> {
  const outDir = mkdtempSync(join(tmpdir(), 'etagrad-playground-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('the preview server has no port');
  const userDataDir = mkdtempSync(join(tmpdir(), 'etagrad-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, args: flags, headless: true, viewport: { width: 1400, height: 1000 } });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    outDir,
    context,
    close: async () => {
      await context.close();
      await server.close();
      for (const dir of [outDir, userDataDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What {@link openPage} does besides opening the page. */
export interface OpenOptions {
  /** Runs before the page loads, e.g. to route its requests (`page.route`). */
  readonly before?: (page: Page) => Promise<void>;
}

/** The workers a page made, in order, where {@link recordWorkers} keeps them. */
export interface MadeWorkers {
  workersMade: Worker[];
}

/**
 * Keeps every Worker the page makes, from before its scripts run, in `window.workersMade`, so a
 * test can count them and send their messages again (an {@link OpenOptions} `before`).
 */
export async function recordWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const made: Worker[] = [];
    (window as unknown as MadeWorkers).workersMade = made;
    window.Worker = class extends Worker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        made.push(this);
      }
    };
  });
}

/** How many workers the page has made, with {@link recordWorkers}. */
export const workersMade = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as MadeWorkers).workersMade.length);

/** Opens the page at `fragment` and waits for its surface. */
export async function openPage(harness: Harness, fragment: string, { before }: OpenOptions = {}): Promise<Page> {
  const page = await harness.context.newPage();
  await before?.(page);
  await page.goto(`${harness.url}${fragment}`);
  await page.waitForFunction(() => 'etagradPlayground' in window);
  return page;
}

/** Waits until every lane has taken `steps` updates or stopped, and returns the lanes. */
export async function lanesAt(page: Page, steps: number): Promise<LaneReport[]> {
  await page.waitForFunction(
    (n) => (window as unknown as { etagradPlayground: PlaygroundSurface }).etagradPlayground.lanes().every((l) => l.step >= n || l.verdict === 'diverged'),
    steps,
    { timeout: 170_000, polling: 100 },
  );
  return page.evaluate(() => (window as unknown as { etagradPlayground: PlaygroundSurface }).etagradPlayground.lanes());
}
