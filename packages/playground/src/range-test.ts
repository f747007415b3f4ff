// The learning-rate range test of a configuration, with tune's `lrFind` (fastai's rules: the
// rate grows exponentially over 100 updates, the loss is smoothed and bias corrected, the test
// stops once it exceeds 4x the best). The range is 1e-3 to 100, not fastai's 1e-7 to 10: these
// small models neither move below 1e-3 (so fastai's valley lands there, far too low) nor, with a
// hinge loss, blow up by 10.
import { lrFind, type LrFindResult } from '@etagrad/tune';
import type { PlaygroundConfig } from './config.js';
import { Lane } from './lane.js';
import type { MicrogradDemo } from './micrograd-demo.js';

/**
 * Runs the range test on a fresh model of `config` (its data, initial weights, loss, optimizer
 * and batch size; the schedule is the test's own).
 *
 * @param config - the configuration
 * @param demo - bench/'s micrograd numbers, for the micrograd data and weights
 */
export function rangeTest(config: PlaygroundConfig, demo: MicrogradDemo | null): LrFindResult {
  return lrFind(
    () => {
      const lane = new Lane(config, 1, demo);
      return { model: lane.model, data: lane.data, loss: lane.loss, optimizer: lane.optimizer, batchSize: lane.batchSize, shuffle: lane.shuffle };
    },
    { seed: config.seed, start: 1e-3, end: 100 },
  );
}
