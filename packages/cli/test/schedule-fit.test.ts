import { describe, expect, test } from 'vitest';
import { constant, cosine, join, linear, warmup } from '@etagrad/sched';
import { scheduleFitWarning } from '../src/schedule-fit.js';

const run = (epochs: number, perEpoch: number, first = 0) => ({ epochs, perEpoch, first, total: epochs * perEpoch });

describe('scheduleFitWarning', () => {
  test('a cosine whose steps count epochs, in a run that counts updates, is reported', () => {
    // ends at update 40 of 400: updates 40..399 (360 of them, 90%) come after its end
    expect(scheduleFitWarning(cosine({ initial: 0.5, steps: 40 }), run(40, 10))).toBe(
      'for 360 of the 400 updates to run (90%) the learning rate is 0 or its schedule has ended (at update 40); ' +
        "this run makes 40 epochs × 10 updates = 400 updates, the number a schedule's steps: needs",
    );
  });

  test('a schedule that fits the run says nothing', () => {
    expect(scheduleFitWarning(cosine({ initial: 0.5, steps: 400 }), run(40, 10))).toBeNull();
    expect(scheduleFitWarning(warmup(cosine({ initial: 0.5, steps: 360 }), { steps: 40 }), run(40, 10))).toBeNull();
    expect(scheduleFitWarning(constant(0.1), run(40, 10))).toBeNull();
  });

  test('exactly a tenth is tolerated, one update more is not', () => {
    // ends at 90 of 100: updates 90..99 are 10 (10%); ending at 89 makes 11
    expect(scheduleFitWarning(cosine({ initial: 0.5, steps: 90 }), run(10, 10))).toBeNull();
    expect(scheduleFitWarning(cosine({ initial: 0.5, steps: 89 }), run(10, 10))).toMatch(/^for 11 of the 100 updates to run \(11%\)/);
  });

  test('a rate of 0 counts even when the schedule has not ended', () => {
    // 0 for the first 50 updates of 100 (a join that starts at 0), then a constant
    const lr = join([constant(0), constant(0.1)], [50]);
    expect(scheduleFitWarning(lr, run(10, 10))).toMatch(/^for 50 of the 100 updates to run \(50%\) the learning rate is 0 or its schedule has ended; /);
  });

  test('a resumed run is judged on the updates it still makes', () => {
    // updates 300..399 remain; a linear decay to 0 that ended at 200 leaves all 100 at rate 0
    expect(scheduleFitWarning(linear({ from: 0.1, to: 0, steps: 200 }), run(40, 10, 300))).toMatch(
      /^for 100 of the 100 updates to run \(100%\)/,
    );
    // the same decay over the first 390 updates leaves 10 of the last 100: tolerated
    expect(scheduleFitWarning(linear({ from: 0.1, to: 0.01, steps: 390 }), run(40, 10, 300))).toBeNull();
  });

  test('a very long run is judged from evenly spread updates', () => {
    // 1e6 epochs x 10 updates; the cosine ends at update 1e6, so 90% of 1e7 updates come after it
    expect(scheduleFitWarning(cosine({ initial: 0.1, steps: 1_000_000 }), run(1_000_000, 10))).toMatch(
      /^for about 9000000 of the 10000000 updates to run \(90%\)/,
    );
  });
});
