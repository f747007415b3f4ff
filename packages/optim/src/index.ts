// @etagrad/optim: optimizers over parameter gradients, with schedules and exact state restore.

export {
  type Convention,
  conventions,
  type NamedParam,
  type NonFinitePolicy,
  type Optimizer,
  type OptimizerOptions,
  type OptimizerState,
  type Param,
  type ParamList,
  type SavedBuffers,
  type SavedGroup,
  type SavedHyper,
  type Scalar,
} from './types.js';
export {
  type BooleanRule,
  type ChoiceRule,
  type CommonHyper,
  type HyperOptions,
  type HyperRule,
  type HyperTable,
  type NumberRule,
  type PairRule,
  type Preset,
  type RawValue,
} from './hyper.js';
export { type Buffers, type OptimizerDefinition, type UpdateNumber, updateNumber } from './definition.js';
export { type BufferRule, type BufferRules } from './buffer-rules.js';
export { OptimizerBase, type Options, type ParamGroup, type ParamsInput } from './optimizer.js';
export { stateDict } from './state-dict.js';
export { loadStateDict } from './load-state.js';
export { adamDenominator, type BiasCorrections, biasCorrections, ema } from './moments.js';

export { SGD, type SgdBuffers, type SgdHyper, type SgdOptions, sgdDefinition, sgdUpdate } from './sgd.js';
export { Adagrad, type AdagradBuffers, type AdagradHyper, type AdagradOptions, adagradDefinition, adagradUpdate } from './adagrad.js';
export { RMSprop, type RmspropBuffers, type RmspropHyper, type RmspropOptions, rmspropDefinition, rmspropUpdate } from './rmsprop.js';
export { Adam, type AdamBuffers, type AdamHyper, type AdamOptions, adamDefinition, adamUpdate } from './adam.js';
export { AdamW, adamwDefinition } from './adamw.js';
export { Adamax, type AdamaxBuffers, type AdamaxHyper, type AdamaxOptions, adamaxDefinition, adamaxUpdate } from './adamax.js';
export { NAdam, type NadamBuffers, type NadamHyper, type NadamOptions, nadamDefinition, type NadamStep, nadamStep, nadamUpdate } from './nadam.js';
export { RAdam, type RadamBuffers, type RadamHyper, type RadamOptions, radamDefinition, radamUpdate } from './radam.js';
export { Adadelta, type AdadeltaBuffers, type AdadeltaHyper, type AdadeltaOptions, adadeltaDefinition, adadeltaUpdate } from './adadelta.js';
export { Lion, type LionBuffers, type LionHyper, type LionOptions, lionDefinition, lionUpdate } from './lion.js';

export { clipGradNorm, type ClipGradNormOptions } from './clip-grad-norm.js';
export { clipGradValue } from './clip-grad-value.js';
export { type DecayGroups, excludeFromDecay, type ExcludeFromDecayOptions, isBias } from './exclude-from-decay.js';
