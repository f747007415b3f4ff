import { checkFinite, checkNonNegative, checkNumber, checkPositive } from './check.js';
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

/**
 * Uniform in [low, high) (default [-1, 1): micrograd's neuron init and `Linear`'s default).
 *
 * @param options - `low` and `high`, the range (default [-1, 1))
 * @example new Linear(2, 16, { init: uniform({ low: -0.5, high: 0.5 }) })
 */
export function uniform({ low = -1, high = 1 }: { readonly low?: number; readonly high?: number } = {}): Initializer {
  checkFinite('uniform', 'low', low);
  checkNumber('uniform', 'high', high, `finite and > low (${low})`, (h) => Number.isFinite(h) && h > low);
  return (rng) => rng.uniform(low, high);
}

/**
 * Gaussian with `mean` (default 0) and standard deviation `std` (default 1).
 *
 * @param options - `mean` and `std` (default 0 and 1)
 * @example new Linear(2, 16, { init: normal({ std: 0.01 }) })
 */
export function normal({ mean = 0, std = 1 }: { readonly mean?: number; readonly std?: number } = {}): Initializer {
  checkFinite('normal', 'mean', mean);
  checkNonNegative('normal', 'std', std);
  return (rng) => rng.normal(mean, std);
}

/**
 * Glorot and Bengio (2010), PyTorch's `xavier_uniform_`: uniform in [-a, a) with
 * `a = gain * sqrt(6 / (fanIn + fanOut))`, so the variance `gain² * 2 / (fanIn + fanOut)` keeps
 * activations and gradients at a steady scale through tanh/sigmoid layers. `gain` defaults to 1.
 *
 * @param options - `gain`, the scale (default 1)
 * @example new Linear(64, 32, { init: xavierUniform() })
 */
export function xavierUniform({ gain = 1 }: { readonly gain?: number } = {}): Initializer {
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
 * @param options - `gain`, the scale (default 1)
 * @example new Linear(64, 32, { init: xavierNormal() })
 */
export function xavierNormal({ gain = 1 }: { readonly gain?: number } = {}): Initializer {
  checkPositive('xavierNormal', 'gain', gain);
  return (rng, { fanIn, fanOut }) => rng.normal(0, gain * Math.sqrt(2 / (fanIn + fanOut)));
}

/**
 * He et al. (2015), PyTorch's `kaiming_uniform_` in fan-in mode: uniform in [-b, b) with
 * `b = gain * sqrt(3 / fanIn)`, variance `gain² / fanIn`. `gain` defaults to sqrt(2), the ReLU gain,
 * which keeps the activations' scale through ReLU layers.
 *
 * @param options - `gain`, the scale (default √2, ReLU's)
 * @example new Linear(64, 32, { init: heUniform() })
 */
export function heUniform({ gain = Math.SQRT2 }: { readonly gain?: number } = {}): Initializer {
  checkPositive('heUniform', 'gain', gain);
  return (rng, { fanIn }) => {
    const b = gain * Math.sqrt(3 / fanIn);
    return rng.uniform(-b, b);
  };
}

/**
 * He et al. (2015), PyTorch's `kaiming_normal_` in fan-in mode: Gaussian with mean 0 and
 * `std = gain / sqrt(fanIn)`. `gain` defaults to sqrt(2), the ReLU gain.
 *
 * @param options - `gain`, the scale (default √2, ReLU's)
 * @example new Linear(64, 32, { init: heNormal() })
 */
export function heNormal({ gain = Math.SQRT2 }: { readonly gain?: number } = {}): Initializer {
  checkPositive('heNormal', 'gain', gain);
  return (rng, { fanIn }) => rng.normal(0, gain / Math.sqrt(fanIn));
}

/** Every value 0 (`Linear`'s default bias init); draws nothing from the generator. */
export function zeros(): Initializer {
  return () => 0;
}

/**
 * Every value `value`; draws nothing from the generator.
 *
 * @param value - the value, a finite number
 * @example new Linear(4, 1, { biasInit: constant(0.1) })
 */
export function constant(value: number): Initializer {
  checkFinite('constant', 'value', value);
  return () => value;
}
