// @etagrad/sched: learning-rate schedules as composable, serializable pure functions of the step.

export { type Json, type Kind, type Schedule, type ScheduleSpec, scheduleKinds } from './types.js';
export { defineSchedule, type KindSpec } from './define-schedule.js';
export { isSchedule } from './is-schedule.js';

// Schedules
export { constant } from './constant.js';
export { linear, type LinearOptions } from './linear.js';
export { timeDecay, type TimeDecayOptions } from './time-decay.js';
export { stepDecay, type StepDecayOptions } from './step-decay.js';
export { multiStep, type MultiStepOptions } from './multi-step.js';
export { piecewise, type PiecewiseOptions } from './piecewise.js';
export { exponential, type ExponentialOptions } from './exponential.js';
export { polynomial, type PolynomialOptions } from './polynomial.js';
export { cosine, type CosineOptions } from './cosine.js';
export { cosineRestarts, type CosineRestartsOptions } from './cosine-restarts.js';
export { cyclic, cyclicShapes, type CyclicOptions, type CyclicShape } from './cyclic.js';
export { oneCycle, oneCycleAnneals, type OneCycleAnneal, type OneCycleOptions } from './one-cycle.js';
export { inverseSqrt, type InverseSqrtOptions } from './inverse-sqrt.js';

// Combinators
export { warmup, warmupShapes, type WarmupOptions, type WarmupShape } from './warmup.js';
export { join } from './join.js';
export { scale } from './scale.js';
export { clamp, type ClampOptions } from './clamp.js';
export { shift } from './shift.js';
export { repeat } from './repeat.js';
export { perEpoch } from './per-epoch.js';

// Schedules of your own
export { registerKind, type CheckedOptions, type KindDefinition, type OptionCheck } from './register-kind.js';
export { fromFunction, type FromFunctionOptions } from './from-function.js';

// Saving, printing and reading back
export { fromSpec } from './from-spec.js';
export { fromLoadedSpec } from './read-spec.js';
export { savableSpec } from './savable.js';
export { format } from './format.js';
export { parse } from './parse.js';

// Seeing a schedule, and charts of any series
export { sample, type SampleOptions } from './sample.js';
export { plot, toSvg, type PlotOptions } from './plot.js';
export { type ChartOptions, type Series } from './chart-data.js';
export { lineChart } from './line-chart.js';
export { lineChartSvg } from './line-chart-svg.js';

// Feedback: reduce on plateau
export {
  reduceOnPlateau,
  reduceOnPlateauFromState,
  plateauModes,
  plateauThresholdModes,
  type Plateau,
  type PlateauMode,
  type PlateauOptions,
  type PlateauSettings,
  type PlateauState,
  type PlateauThresholdMode,
} from './reduce-on-plateau.js';
