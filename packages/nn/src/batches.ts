import { checkBoolean, checkOptions, checkPositiveInteger, mustBe } from './check.js';
import { checkDataset, type Dataset } from './dataset.js';
import { resolveRng, type Rng } from './rng.js';
import { pick } from './train-test-split.js';

/** Options of {@link batches}. */
export interface BatchesOptions {
  /** Samples per batch: `n` is batch gradient descent, 1 stochastic, between is mini-batch. */
  readonly batchSize: number;
  /** Visit the samples in a random order (default true); false keeps the data's order. */
  readonly shuffle?: boolean;
  /** Seed of the shuffle (default `defaultSeed`: the same order on every call). */
  readonly seed?: number;
  /**
   * A generator to shuffle with; wins over `seed`. A training loop passes one generator for the
   * whole run, so each epoch gets a new order and the generator's state can be checkpointed.
   */
  readonly rng?: Rng;
  /** Leave out a last batch smaller than `batchSize` (default false). */
  readonly dropLast?: boolean;
}

/**
 * One epoch of mini-batches: the samples in a (seeded) random order, cut into batches of
 * `batchSize` (the last one smaller unless `dropLast`). The one place the three flavours of
 * gradient descent meet: `batchSize = n` is batch gradient descent (one update per epoch),
 * `1` is stochastic, anything between is mini-batch. The order is drawn when `batches` is called,
 * not when iterated. Rows are shared with `data`, not copied.
 *
 * @param data - the data set to cut into batches
 * @param options - `batchSize` (required), `shuffle`, `seed`, `rng`, `dropLast`
 * @example
 * const r = rng(0);
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   for (const batch of batches(data, { batchSize: 16, rng: r })) {
 *     // forward batch.x, loss against batch.y, backward, step
 *   }
 * }
 */
export function batches(data: Dataset, options: BatchesOptions): Generator<Dataset, void, undefined> {
  const owner = 'batches';
  const n = checkDataset(owner, data);
  const known = ['batchSize', 'shuffle', 'seed', 'rng', 'dropLast'];
  const { batchSize: size, shuffle = true, seed, rng, dropLast = false } = checkOptions(owner, options, known) as Partial<BatchesOptions>;
  const batchSize = checkPositiveInteger(owner, 'batchSize', size);
  checkBoolean(owner, 'shuffle', shuffle);
  checkBoolean(owner, 'dropLast', dropLast);
  if (n === 0) throw new RangeError(`${owner}: data must have at least one sample, got 0`);
  if (dropLast && batchSize > n) {
    throw mustBe(owner, 'batchSize', `<= the number of samples (${n}) with dropLast`, `${batchSize}`, RangeError);
  }
  const generator = resolveRng(owner, { rng, seed }); // checks seed and rng also when unused
  const order = data.x.map((_, i) => i);
  if (shuffle) generator.shuffle(order);
  const end = dropLast ? n - (n % batchSize) : n;
  return (function* () {
    for (let start = 0; start < end; start += batchSize) yield pick(data, order.slice(start, start + batchSize));
  })();
}
