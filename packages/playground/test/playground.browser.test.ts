// The playground in a real browser (Debian's Chromium through playwright-core), against the
// built page served on 127.0.0.1; one build and one browser for the whole file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { moons } from '@etagrad/nn';
import { format, parse } from '@etagrad/sched';
import { fit, parseCheckpoint } from '@etagrad/train';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoData, demoLr, demoModel } from '../../../bench/model.js';
import { engineModel, engineStep } from '../../../bench/engine-step.js';
import { defaultConfig, plainLanes, type PlaygroundConfig } from '../src/config.js';
import { Lane } from '../src/lane.js';
import type { FromWorker } from '../src/protocol.js';
import type { LaneReport } from '../src/surface.js';
import { encodeConfig, readFragment } from '../src/url-state.js';
import { chromiumPath, lanesAt, openHarness, openPage, recordWorkers, workersMade, type Harness, type MadeWorkers } from './browser.js';

if (chromiumPath === null) console.log('playground browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

/** Largest |a - b| / |b| over two traces of the same length. */
const output = new URL('../test-output/', import.meta.url);

/** The text of the file a button downloads. */
async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

/** The status line, once it shows an error. */
async function errorShown(page: Page): Promise<string | null> {
  await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Error:') === true, null, { timeout: 170_000 });
  return page.locator('#status').textContent();
}

/** Each lane's verdict as the page draws it (its `data-verdict`). */
const drawnVerdicts = (page: Page): Promise<(string | undefined)[]> =>
  page.locator('.lane').evaluateAll((lanes) => lanes.map((lane) => (lane as HTMLElement).dataset['verdict']));

/**
 * The default configuration with Node's moons passed in as numbers (a browser's Math.sin may
 * differ from Node's in the last bit, so moons generated in the page may too).
 */
const withNodeMoons: PlaygroundConfig = (() => {
  const { x, y } = moons({ n: 100, noise: 0.1, seed: 1 });
  const points = x.map((p, i) => [p[0] as number, p[1] as number, y[i] === 1 ? 1 : 0] as const);
  return { ...defaultConfig, data: { ...defaultConfig.data, kind: 'points', points } };
})();

const maxRelative = (a: readonly number[], b: readonly number[]): number =>
  Math.max(...b.map((y, k) => Math.abs((a[k] ?? Number.NaN) - y) / Math.abs(y)));

// A shared machine's load can slow a page many times over; these bound a hang, not a speed.
const timeout = 180_000;

describe.skipIf(chromiumPath === null)('the playground in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness(chromiumPath as string);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  }, timeout);

  test("#lesson=micrograd reaches at step 99 the loss of bench/'s Node run", async () => {
    const data = demoData();
    const model = engineModel(demoModel());
    let node = Number.NaN;
    for (let k = 0; k < 100; k++) node = engineStep(model, data, demoLr(k));
    const page = await openPage(harness, '#lesson=micrograd');
    const [lane] = await lanesAt(page, 100);
    expect(Math.abs((lane?.losses[99] ?? Number.NaN) - node) / node).toBeLessThanOrEqual(1e-9);
    await page.close();
  }, timeout);

  test("SGD, momentum and Adam traces over 200 steps are Node's, on data passed in as numbers", async () => {
    const base: PlaygroundConfig = { ...withNodeMoons, lanes: plainLanes(1), steps: 200 };
    const runs: PlaygroundConfig[] = [
      { ...base, schedule: 'constant(0.1)' },
      { ...base, options: { momentum: 0.9, nesterov: false, weightDecay: 0 }, schedule: 'constant(0.05)' },
      { ...base, optimizer: 'Adam', options: { beta1: 0.9, beta2: 0.999, weightDecay: 0 }, schedule: 'constant(0.01)' },
    ];
    for (const config of runs) {
      const node = new Lane(config, 1);
      while (node.update());
      const page = await openPage(harness, encodeConfig(config));
      const [lane] = await lanesAt(page, 200);
      expect(lane?.losses).toHaveLength(200);
      expect(maxRelative(lane?.losses ?? [], node.losses)).toBeLessThanOrEqual(1e-9);
      await page.close();
    }
  }, timeout);

  test('the default view at step 300: x0.1 above x1, x10 diverged or above x1; a screenshot is saved', async () => {
    const page = await openPage(harness, '');
    const [low, mid, high] = await lanesAt(page, 300);
    expect(low?.loss).toBeGreaterThan(mid?.loss ?? Number.NaN);
    expect(high?.verdict === 'diverged' || (high?.loss ?? 0) > (mid?.loss ?? Number.NaN)).toBe(true);
    mkdirSync(output, { recursive: true });
    await page.screenshot({ path: new URL('default-view.png', output).pathname, fullPage: true });
    await page.close();
  }, timeout);

  test('after 100% accuracy the heatmap shows each class colour at its moon (the canvas backing store)', async () => {
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(1) }));
    await page.waitForFunction(() => document.querySelector('.lane')?.getAttribute('data-accuracy') === '1', null, { timeout: 170_000 });
    // One frame later the newest heatmap is drawn.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const colours = await page.evaluate(() => {
      const canvas = document.querySelector('.lane canvas.scores') as HTMLCanvasElement;
      const bounds = JSON.parse(canvas.dataset['bounds'] ?? '{}') as { xMin: number; xMax: number; yMin: number; yMax: number };
      const pixel = (x: number, y: number) => {
        const col = Math.floor(((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * canvas.width);
        const row = Math.floor(((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * canvas.height);
        return [...(canvas.getContext('2d')?.getImageData(col, row, 1, 1).data ?? [])];
      };
      // The middle of each moon: (cos, sin) of pi/2 for class 0, (1 - cos, 1 - sin - 0.5) for class 1.
      return { zero: pixel(0, 1), one: pixel(1, -0.5) };
    });
    // Class 0 orange (red over blue), class 1 blue (blue over red).
    expect(colours.zero[0]).toBeGreaterThan((colours.zero[2] ?? 0) + 100);
    expect(colours.one[2]).toBeGreaterThan((colours.one[0] ?? 0) + 100);
    await page.close();
  }, timeout);

  test('typing a schedule plots it; a bad one shows its position and keeps the plot; format(parse(text)) is the text, as in Node', async () => {
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(1), steps: 50 }));
    const box = page.getByRole('textbox', { name: 'Schedule' });
    const texts = [
      'constant(0.1)',
      'linear({ from: 1, to: 0.1, steps: 100 })',
      'stepDecay({ initial: 0.1, factor: 0.5, every: 100 })',
      'exponential({ initial: 0.1, rate: 0.99 })',
      'timeDecay({ initial: 0.1, rate: 0.01 })',
      'polynomial({ initial: 0.1, steps: 500, power: 2 })',
      'cosine({ initial: 0.5, steps: 900 })',
      'cyclic({ min: 0.01, max: 0.1, stepSize: 100 })',
      'oneCycle({ max: 0.5, steps: 1000 })',
      'cosineRestarts({ initial: 0.1, period: 100 })',
      'multiStep({ initial: 0.1, milestones: [100, 200] })',
      'piecewise({ boundaries: [100], values: [0.1, 0.01] })',
      'warmup(cosine({ initial: 0.5, steps: 900 }), { steps: 100 })',
    ];
    let previous = '';
    for (const text of texts) {
      const formatted = format(parse(text));
      await box.fill(formatted);
      const plot = await page.locator('#schedule-plot').innerHTML();
      expect(plot).toContain('<svg');
      expect(plot).not.toBe(previous);
      previous = plot;
      expect(await page.locator('#schedule-plot').getAttribute('data-formatted')).toBe(formatted);
      expect(formatted).toBe(format(parse(formatted)));
    }
    await box.fill('cosine({ initial: 0.5, steps: 900 ');
    expect(await page.locator('#schedule-error').textContent()).toMatch(/column \d+/);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#schedule-plot').innerHTML()).toBe(previous);
    await page.close();
  }, timeout);

  test('a reload restores the configuration and the same loss at step 200', async () => {
    const config: PlaygroundConfig = { ...defaultConfig, lanes: plainLanes(3), steps: 200, schedule: 'cosine({ initial: 0.4, steps: 200 })', data: { ...defaultConfig.data, noise: 0.15 } };
    const page = await openPage(harness, encodeConfig(config));
    const first = await lanesAt(page, 200);
    const url = page.url();
    await page.reload();
    await page.waitForFunction(() => 'etagradPlayground' in window);
    const second = await lanesAt(page, 200);
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => window.etagradPlayground.config())).toEqual(config);
    expect(second.map((l) => l.losses[199])).toEqual(first.map((l) => l.losses[199]));
    await page.close();
  }, timeout);

  test('the control panel matches its accessibility snapshot (test/control-panel.aria.yml)', async () => {
    const page = await openPage(harness, '');
    const snapshot = await page.locator('#controls').ariaSnapshot();
    expect(snapshot).toBe(readFileSync(new URL('control-panel.aria.yml', import.meta.url), 'utf8').trimEnd());
    await page.close();
  });

  test("the exported TypeScript reproduces the lane's loss in Node; the exported JSON resumes with fit", async () => {
    const config: PlaygroundConfig = { ...withNodeMoons, lanes: plainLanes(1), steps: 60 };
    const page = await openPage(harness, encodeConfig(config));
    const [lane] = await lanesAt(page, 60);
    const script = await downloaded(page, 'Export lane 1 as TypeScript');
    const json = await downloaded(page, 'Export lane 1 as JSON');
    await page.close();

    mkdirSync(output, { recursive: true });
    const file = new URL('lane-1.ts', output).pathname;
    writeFileSync(file, script);
    const printed = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=@etagrad/source', file], { encoding: 'utf8' });
    expect(JSON.parse(printed.trim().split('\n').at(-1) ?? '')).toEqual({ step: 59, loss: lane?.losses[59], stopped: null });

    const checkpoint = parseCheckpoint(json, 'lane-1.json');
    expect(checkpoint.completedEpochs).toBe(60);
    expect((checkpoint as unknown as { playground: unknown }).playground).toEqual({ config, multiplier: 1 });
    const fresh = new Lane(config, 1);
    const { model, data, loss, optimizer, batchSize, shuffle } = fresh;
    const history = fit(model, { data, loss, optimizer, batchSize, shuffle, seed: config.seed, epochs: 90, resumeFrom: checkpoint });
    const straight = new Lane({ ...config, steps: 90 }, 1);
    while (straight.update());
    expect(history.steps.map((s) => s.loss)).toEqual(straight.losses);
  }, timeout);

  test('the range test stops at 4x the best smoothed loss, and its suggestion trains moons to 100%', async () => {
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(1), steps: 600 }));
    await page.getByRole('button', { name: 'Run the range test' }).click();
    await page.waitForFunction(() => document.getElementById('range-test')?.dataset['result'] !== undefined, null, { timeout: 170_000 });
    const { losses, divergedAt, suggestions } = JSON.parse((await page.locator('#range-test').getAttribute('data-result')) ?? '') as {
      losses: number[];
      divergedAt: number | null;
      suggestions: { valley: number } | null;
    };
    const last = losses.length - 1;
    expect(divergedAt).toBe(last);
    const bestBefore = Math.min(...losses.slice(0, last));
    losses.slice(0, last).forEach((l, k) => expect(l).toBeLessThanOrEqual(4 * Math.min(...losses.slice(0, k + 1))));
    expect(losses[last]).toBeGreaterThan(4 * bestBefore);
    expect(suggestions).not.toBeNull();
    await page.getByRole('button', { name: 'Train at the suggested rate' }).click();
    expect(await page.evaluate(() => window.etagradPlayground.config().schedule)).toBe(`constant(${suggestions?.valley})`);
    await page.waitForFunction(() => document.querySelector('.lane')?.getAttribute('data-accuracy') === '1', null, { timeout: 170_000 });
    await page.close();
  }, timeout);

  test('a schedule applied mid-run to one lane changes its rate from then on, and only its', async () => {
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(1, 2), steps: 5000, schedule: 'constant(0.1)' }));
    await lanesAt(page, 20);
    await page.getByRole('textbox', { name: 'Schedule' }).fill('constant(0.01)');
    await page.getByRole('combobox', { name: 'Apply to' }).selectOption({ label: 'lane 2 (×2)' });
    await page.getByRole('button', { name: 'Apply now, mid-run' }).click();
    await page.waitForFunction(() => window.etagradPlayground.lanes()[1]?.lr === 0.02, null, { timeout: 170_000 });
    const [one, two] = await page.evaluate(() => window.etagradPlayground.lanes());
    expect(one?.lr).toBe(0.1);
    expect(two?.step).toBeGreaterThan(20);
    // The link keeps lane 2's whole schedule, the change at its step: a reload trains the same numbers.
    await page.waitForFunction(() => window.etagradPlayground.config().lanes[1]?.applied !== undefined, null, { timeout: 170_000 });
    const [config, hash] = await page.evaluate(() => [window.etagradPlayground.config(), location.hash] as const);
    expect(config.lanes[0]).toEqual({ multiplier: 1 });
    expect(config.lanes[1]?.applied).toMatch(/^join\(\[constant\(0\.1\), constant\(0\.01\)\], \[\d+\]\)$/);
    expect(readFragment(hash)).toEqual({ kind: 'config', config });
    expect(await page.locator('.lane h2').nth(1).textContent()).toBe(`×2 · mid-run: ${config.lanes[1]?.applied}`);
    // Training from the start drops the mid-run change and runs the box's schedule from step 0.
    await page.getByRole('button', { name: 'Train from the start' }).click();
    await page.waitForFunction(() => window.etagradPlayground.lanes()[0]?.lr === 0.01 && window.etagradPlayground.lanes()[1]?.lr === 0.02 && window.etagradPlayground.config().lanes[1]?.applied === undefined, null, { timeout: 170_000 });
    await page.close();
  }, timeout);

  test("a lesson's lanes show their overrides in their headers", async () => {
    const page = await openPage(harness, '#lesson=batch');
    expect(await page.locator('.lane h2').allTextContents()).toEqual(['×1', '×1 · batch 1']);
    expect(await page.evaluate(() => window.etagradPlayground.config().lanes)).toEqual([{ multiplier: 1 }, { multiplier: 1, batchSize: 1 }]);
    await page.close();
  }, timeout);

  test('a click on a heatmap adds a point of the chosen class where it was clicked, and training starts again', async () => {
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(1), steps: 50 }));
    await page.waitForFunction(() => document.querySelector('.lane canvas.scores')?.getAttribute('data-bounds') !== null);
    // Read before the click: the click starts training again, with new lanes.
    const bounds = JSON.parse((await page.locator('.lane canvas.scores').getAttribute('data-bounds')) ?? '{}') as Record<string, number>;
    await page.getByRole('combobox', { name: 'Class of added points' }).selectOption('0');
    // The middle of the 300-pixel overlay: the middle of the square the heatmap covers.
    await page.locator('.lane canvas.points').click({ position: { x: 150, y: 150 } });
    await page.waitForFunction(() => window.etagradPlayground.config().data.points.length === 1);
    const [[x, y, label] = []] = await page.evaluate(() => window.etagradPlayground.config().data.points);
    expect(label).toBe(0);
    // Within 3% of the square's side (a few pixels) of its middle.
    const near = (v: number | undefined, lo = 0, hi = 0) => Math.abs((v ?? Number.NaN) - (lo + hi) / 2) / (hi - lo);
    expect(near(x, bounds['xMin'], bounds['xMax'])).toBeLessThan(0.03);
    expect(near(y, bounds['yMin'], bounds['yMax'])).toBeLessThan(0.03);
    // The same from the keyboard: two numbers and the button, pressed with Enter.
    await page.getByRole('spinbutton', { name: 'New point x' }).fill('1.5');
    await page.getByRole('spinbutton', { name: 'New point y' }).fill('-1');
    await page.getByRole('button', { name: 'Add the point' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.etagradPlayground.config().data.points.length === 2);
    expect((await page.evaluate(() => window.etagradPlayground.config().data.points))[1]).toEqual([1.5, -1, 0]);
    await lanesAt(page, 50);
    await page.close();
  }, timeout);

  test('misuse: an unknown lesson or a bad link says so above the lanes, and the default view trains', async () => {
    for (const [fragment, message] of [
      ['#lesson=unknown', 'No lesson named unknown; showing the default view.'],
      ['#c=%7B', /^playground: the link's configuration is not valid JSON: .*; showing the default view\.$/],
      [`#c=${encodeURIComponent(JSON.stringify({ ...defaultConfig, steps: 0 }))}`, 'playground: steps must be a positive integer, got 0; showing the default view.'],
    ] as const) {
      const page = await openPage(harness, fragment);
      const notice = page.locator('#lesson');
      await expect.poll(() => notice.isVisible()).toBe(true);
      if (typeof message === 'string') expect(await notice.textContent()).toBe(message);
      else expect(await notice.textContent()).toMatch(message);
      expect(await page.evaluate(() => window.etagradPlayground.config())).toEqual(defaultConfig);
      await lanesAt(page, 5);
      await page.close();
    }
  }, timeout);

  test('misuse: a schedule whose rate turns NaN mid-run stops the run with its message, the updates before it shown', async () => {
    // ×0 of 1e300·2^k: 0 until 2^k overflows at step 28, then 0 × Infinity.
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(0), steps: 100, schedule: 'exponential({ initial: 1e300, rate: 2 })' }));
    expect(await errorShown(page)).toBe('Error: SGD: lr (schedule at step 28) must be a finite number >= 0, got NaN');
    await expect.poll(async () => (await page.evaluate(() => window.etagradPlayground.lanes()))[0]?.step).toBe(28);
    expect((await page.evaluate(() => window.etagradPlayground.lanes()))[0]?.verdict).toBe('stopped');
    await page.close();
  }, timeout);

  test('misuse: a training worker that fails to load, or throws as it loads, is named in the status line, and no lane is left running; the next start trains in a new worker', async () => {
    for (const [answer, message] of [
      [{ status: 404, contentType: 'text/plain', body: 'Not Found' }, 'Error: the training worker failed to load'],
      [{ contentType: 'text/javascript', body: "throw new Error('broken build');" }, 'Error: the training worker failed: Uncaught Error: broken build'],
    ] as const) {
      const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(1, 2), steps: 20 }), {
        before: async (p) => {
          await recordWorkers(p);
          // Only the first worker's script is broken: the one made for the next start loads.
          await p.route('**/assets/worker-*.js', (route) => route.fulfill(answer), { times: 1 });
        },
      });
      expect(await errorShown(page)).toBe(message);
      expect((await page.evaluate(() => window.etagradPlayground.lanes())).map((l) => l.verdict)).toEqual(['stopped', 'stopped']);
      await expect.poll(() => drawnVerdicts(page)).toEqual(['stopped', 'stopped']);
      expect(await page.locator('.lane .verdict').allTextContents()).toEqual(['stopped at step 0: the run ended with an error', 'stopped at step 0: the run ended with an error']);
      await page.getByRole('button', { name: 'Train from the start' }).click();
      expect((await lanesAt(page, 20)).map((l) => l.losses.length)).toEqual([20, 20]);
      expect(await workersMade(page)).toBe(2);
      await page.close();
    }
  }, timeout);

  test('misuse: a start the worker refuses (no points left) says why, and no lane is left running', async () => {
    // At rate 0 the loss never falls: the lanes run, unjudged, until the start that fails.
    const data = { ...defaultConfig.data, kind: 'points', points: [[-1, 0, 0], [1, 0, 1]] } as const;
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, data, lanes: plainLanes(1, 2), steps: 1_000_000, schedule: 'constant(0)' }), { before: recordWorkers });
    await lanesAt(page, 5);
    await page.getByRole('button', { name: 'Remove added points (2)' }).click();
    expect(await errorShown(page)).toBe('Error: playground: data must have at least one point, got 0');
    expect((await page.evaluate(() => window.etagradPlayground.lanes())).map((l) => l.verdict)).toEqual(['stopped', 'stopped']);
    await expect.poll(() => drawnVerdicts(page)).toEqual(['stopped', 'stopped']);
    // The worker that said so is alive: the next start trains in it.
    await page.getByRole('spinbutton', { name: 'New point x' }).fill('1');
    await page.getByRole('spinbutton', { name: 'New point y' }).fill('0');
    await page.getByRole('button', { name: 'Add the point' }).click();
    await lanesAt(page, 5);
    expect(await workersMade(page)).toBe(1);
    await page.close();
  }, timeout);

  test('misuse: an emptied number field is refused with its name, not trained as 0', async () => {
    const config: PlaygroundConfig = { ...defaultConfig, lanes: plainLanes(1), steps: 20 };
    const page = await openPage(harness, encodeConfig(config));
    // Once the run is done no verdict is announced over the status line.
    await lanesAt(page, 20);
    for (const [label, field] of [['L2 weight', 'l2'], ['Noise', 'data.noise'], ['Momentum', 'options.momentum'], ['Batch order seed', 'seed']] as const) {
      const input = page.getByRole('spinbutton', { name: label, exact: true });
      const before = await input.inputValue();
      await input.fill('');
      await page.getByRole('button', { name: 'Train from the start' }).click();
      expect(await page.locator('#status').textContent()).toBe(`Not started: playground: ${field} must be ${field === 'seed' ? 'an integer >= 0' : 'a finite number >= 0'}, got NaN`);
      expect(await page.evaluate(() => window.etagradPlayground.config())).toEqual(config);
      await input.fill(before);
    }
    const init = page.getByRole('textbox', { name: 'Initial weights seed' });
    await init.fill('');
    await page.getByRole('button', { name: 'Train from the start' }).click();
    expect(await page.locator('#status').textContent()).toBe('Not started: playground: model.init must be an integer >= 0, got NaN');
    await page.close();
  }, timeout);

  test("misuse: a lesson chosen while micrograd's data still loads trains that lesson, every lane of it", async () => {
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(1), steps: 10 }));
    await lanesAt(page, 10);
    // Two starts in one task: the first waits for bench/'s numbers, the second needs none.
    await page.evaluate(() => {
      for (const name of ['micrograd', 'regimes']) {
        // Each start draws the controls anew.
        const lesson = document.querySelector('select[name=lesson]') as HTMLSelectElement;
        lesson.value = name;
        lesson.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    const lanes = await lanesAt(page, 50);
    expect(lanes).toHaveLength(3);
    expect(await page.evaluate(() => window.etagradPlayground.config().lesson)).toBe('regimes');
    // Lane 1 trains the regimes lesson's data, not micrograd's: its first loss is lane 2's start too.
    expect(lanes[0]?.losses[0]).toBe(lanes[1]?.losses[0]);
    await page.close();
  }, timeout);

  test('misuse: news of the previous run that arrives after "Train from the start" is not taken by the new lanes', async () => {
    const page = await openPage(harness, encodeConfig({ ...defaultConfig, lanes: plainLanes(1, 2), steps: 1_000_000, schedule: 'constant(0)' }), { before: recordWorkers });
    await lanesAt(page, 5);
    // At the worker's next news of the run: a new start, then that news again, as news still on its
    // way when the page started would come (the page's own handler, registered first, took it once).
    const lanes = await page.evaluate(() => new Promise<LaneReport[]>((resolve) => {
      const [worker] = (window as unknown as MadeWorkers).workersMade;
      worker?.addEventListener('message', function again(event: MessageEvent<FromWorker>) {
        if (event.data.type !== 'progress') return;
        worker.removeEventListener('message', again);
        (document.getElementById('controls') as HTMLFormElement).requestSubmit();
        worker.dispatchEvent(new MessageEvent('message', { data: event.data }));
        resolve(window.etagradPlayground.lanes());
      });
    }));
    expect(lanes.map((l) => [l.step, l.losses.length, l.verdict])).toEqual([[0, 0, 'running'], [0, 0, 'running']]);
    // The new run's own news: one loss per update, from update 0.
    expect((await lanesAt(page, 20)).every((l) => l.losses.length === l.step)).toBe(true);
    await page.close();
  }, timeout);
});
