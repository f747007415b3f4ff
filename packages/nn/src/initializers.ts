import { checkChoice, checkFinite, checkGaussian, checkInterval, checkOptions, checkPositive } from './check.js';
import type { Rng } from './rng.js';

/** The fan of a weight: inputs and outputs of its layer (`Linear(nIn, nOut)`: fanIn = nIn, fanOut = nOut). */
export interface Fan {
  readonly fanIn: number;
  readonly fanOut: number;
}

/**
 * Draws one initial parameter value from `rng`, knowing the layer's fan. A layer calls it once per
 * weight, in row-major order, so the same seed gives the same weights.
 *
 * @param rng - the generator to draw from
 * @param fan - the layer's fan in and fan out
 */
export type Initializer = (rng: Rng, fan: Fan) => number;

/** Options of {@link uniform}. */
export interface UniformOptions {
  /** The lower end, included (default -1). */
  readonly low?: number;
  /** The upper end, excluded, > low (default 1). */
  readonly high?: number;
}

/**
 * Uniform in [low, high) (default [-1, 1): micrograd's neuron init and `Linear`'s default).
 *
 * @param options - `low` and `high`
 * @example new Linear(2, 16, { init: uniform({ low: -0.5, high: 0.5 }) })
 */
export function uniform(options: UniformOptions = {}): Initializer {
  const { low = -1, high = 1 } = checkOptions('uniform', options, ['low', 'high']) as UniformOptions;
  checkInterval('uniform', low, high);
  return (rng) => rng.uniform(low, high);
}

/** Options of {@link normal}. */
export interface NormalOptions {
  /** The mean (default 0). */
  readonly mean?: number;
  /** The standard deviation, >= 0 (default 1). */
  readonly std?: number;
}

/**
 * Gaussian with `mean` (default 0) and standard deviation `std` (default 1).
 *
 * @param options - `mean` and `std`
 * @example new Linear(2, 16, { init: normal({ std: 0.01 }) })
 */
export function normal(options: NormalOptions = {}): Initializer {
  const { mean = 0, std = 1 } = checkOptions('normal', options, ['mean', 'std']) as NormalOptions;
  checkGaussian('normal', mean, std);
  return (rng) => rng.normal(mean, std);
}

/** Options of {@link xavierUniform} and {@link xavierNormal}. */
export interface XavierOptions {
  /** The scale for the nonlinearity that follows, > 0 (default 1; see {@link gain}). */
  readonly gain?: number;
}

/**
 * Glorot and Bengio (2010), PyTorch's `xavier_uniform_`: uniform in [-a, a) with
 * `a = gain * sqrt(6 / (fanIn + fanOut))`, so the variance `gain² * 2 / (fanIn + fanOut)` keeps
 * activations and gradients at a steady scale through tanh/sigmoid layers. `gain` defaults to 1.
 *
 * @param options - `gain`
 * @example new Linear(64, 32, { init: xavierUniform({ gain: gain('tanh') }) })
 */
export function xavierUniform(options: XavierOptions = {}): Initializer {
  const { gain = 1 } = checkOptions('xavierUniform', options, ['gain']) as XavierOptions;
  checkPositive('xavierUniform', 'gain', gain);
  return (rng, { fanIn, fanOut }) => {
    const a = gain * Math.sqrt(6 / (fanIn + fanOut));
    return rng.uniform(-a, a);
  };
}

/**
 * Glorot and Bengio (2010), PyTorch's `xavier_normal_`: Gaussian with mean 0 and
 * `std = gain * sqrt(2 / (fanIn + fanOut))`. `gain` defaults to 1.
 *
 * @param options - `gain`
 * @example new Linear(64, 32, { init: xavierNormal() })
 */
export function xavierNormal(options: XavierOptions = {}): Initializer {
  const { gain = 1 } = checkOptions('xavierNormal', options, ['gain']) as XavierOptions;
  checkPositive('xavierNormal', 'gain', gain);
  return (rng, { fanIn, fanOut }) => rng.normal(0, gain * Math.sqrt(2 / (fanIn + fanOut)));
}

/** Options of {@link heUniform} and {@link heNormal}. */
export interface HeOptions {
  /** The scale for the nonlinearity that follows, > 0 (default √2, ReLU's; see {@link gain}). */
  readonly gain?: number;
  /**
   * Which fan sets the scale: `'fanIn'` (default) keeps the variance of the activations through
   * the forward pass, `'fanOut'` that of the gradients through the backward pass (PyTorch's
   * `mode='fan_in'` / `'fan_out'`).
   */
  readonly mode?: 'fanIn' | 'fanOut';
}

/** `gain` and the fan chosen by `mode`, checked. */
function heOptions(owner: string, options: unknown): { gain: number; fanOf: (fan: Fan) => number } {
  const { gain = Math.SQRT2, mode = 'fanIn' } = checkOptions(owner, options, ['gain', 'mode']) as HeOptions;
  checkPositive(owner, 'gain', gain);
  const fanOut = checkChoice(owner, 'mode', mode, ['fanIn', 'fanOut'] as const) === 'fanOut';
  return { gain, fanOf: fanOut ? (fan) => fan.fanOut : (fan) => fan.fanIn };
}

/**
 * He et al. (2015), PyTorch's `kaiming_uniform_`: uniform in [-b, b) with
 * `b = gain * sqrt(3 / fan)`, variance `gain² / fan`, where fan is the layer's `fanIn` (default)
 * or `fanOut` (`mode`). `gain` defaults to sqrt(2), the ReLU gain, which keeps the activations'
 * scale through ReLU layers (PyTorch's default `a = 0`, `nonlinearity='leaky_relu'` gives it too).
 *
 * @param options - `gain` and `mode`
 * @example new Linear(64, 32, { init: heUniform({ mode: 'fanOut' }) })
 */
export function heUniform(options: HeOptions = {}): Initializer {
  const { gain, fanOf } = heOptions('heUniform', options);
  return (rng, fan) => {
    const b = gain * Math.sqrt(3 / fanOf(fan));
    return rng.uniform(-b, b);
  };
}

/**
 * He et al. (2015), PyTorch's `kaiming_normal_`: Gaussian with mean 0 and
 * `std = gain / sqrt(fan)`, fan being `fanIn` (default) or `fanOut` (`mode`). `gain` defaults
 * to sqrt(2), the ReLU gain.
 *
 * @param options - `gain` and `mode`
 * @example new Linear(64, 32, { init: heNormal({ gain: gain('leakyRelu', { slope: 0.2 }) }) })
 */
export function heNormal(options: HeOptions = {}): Initializer {
  const { gain, fanOf } = heOptions('heNormal', options);
  return (rng, fan) => rng.normal(0, gain / Math.sqrt(fanOf(fan)));
}

/** Every value 0 (`Linear`'s default bias init); draws nothing from the generator. */
export function zeros(): Initializer {
  return () => 0;
}

/**
 * Every value `value`; draws nothing from the generator.
 *
 * @param value - the value of every parameter, a finite number
 * @example new Linear(4, 1, { biasInit: constant(0.1) })
 */
export function constant(value: number): Initializer {
  checkFinite('constant', 'value', value);
  return () => value;
}
