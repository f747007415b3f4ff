// The playground in a real browser (Debian's Chromium through playwright-core), against the
// built page served on 127.0.0.1; one build and one browser for the whole file.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoData, demoLr, demoModel } from '../../../bench/model.js';
import { engineModel, engineStep } from '../../../bench/engine-step.js';
import { chromiumPath, lanesAt, openHarness, openPage, type Harness } from './browser.js';

if (chromiumPath === null) console.log('playground browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

describe.skipIf(chromiumPath === null)('the playground in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness(chromiumPath as string);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  test("#lesson=micrograd reaches at step 99 the loss of bench/'s Node run", async () => {
    const data = demoData();
    const model = engineModel(demoModel());
    let node = Number.NaN;
    for (let k = 0; k < 100; k++) node = engineStep(model, data, demoLr(k));
    const page = await openPage(harness, '#lesson=micrograd');
    const [lane] = await lanesAt(page, 100);
    const loss = lane?.losses[99] ?? Number.NaN;
    expect(Math.abs(loss - node) / node).toBeLessThanOrEqual(1e-9);
    await page.close();
  });
});
