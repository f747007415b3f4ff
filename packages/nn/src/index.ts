export { rng, rngFromState, defaultSeed, type Rng, type RngState } from './rng.js';
export type { Dataset, DatasetOptions } from './dataset.js';
export { moons, type MoonsOptions } from './moons.js';
export { circles, type CirclesOptions } from './circles.js';
export { spirals, type SpiralsOptions } from './spirals.js';
export { xor, type XorOptions } from './xor.js';
export { blobs, type BlobsOptions } from './blobs.js';
export { linear, type LinearDataOptions } from './linear-dataset.js';
export { trainTestSplit, type TrainTestSplitOptions } from './train-test-split.js';
export { batches, type BatchesOptions } from './batches.js';
export {
  uniform,
  normal,
  xavierUniform,
  xavierNormal,
  heUniform,
  heNormal,
  zeros,
  constant,
  type Initializer,
  type Fan,
} from './initializers.js';
