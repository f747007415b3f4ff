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
  type UniformOptions,
  type NormalOptions,
  type XavierOptions,
  type HeOptions,
} from './initializers.js';
export { gain, nonlinearities, type Nonlinearity, type GainOptions } from './gain.js';
export { Module, type Input, type StateDict, type TensorState } from './module.js';
export { Linear, type LinearOptions } from './linear.js';
export { Sequential } from './sequential.js';
export { MLP, activations, type ActivationName, type MLPOptions } from './mlp.js';
export { Activation, ReLU, Tanh, Sigmoid, LeakyReLU, GELU, Softplus, ELU } from './activations.js';
export { Dropout } from './dropout.js';
export type { Loss, LossOf, LossOptions, Outputs, Reduction, Targets } from './loss.js';
export { mse } from './mse.js';
export { mae } from './mae.js';
export { huber, type HuberOptions } from './huber.js';
export { bce } from './bce.js';
export { bceWithLogits } from './bce-with-logits.js';
export { crossEntropy } from './cross-entropy.js';
export { nll } from './nll.js';
export { hinge } from './hinge.js';
export { l1, l2 } from './penalties.js';
export type { Metric } from './metric.js';
export { accuracy } from './accuracy.js';
export { binaryAccuracy, binaryAccuracyAt } from './binary-accuracy.js';
