import type { Value } from '@etagrad/autograd';
import { checkNonNegative, checkOptions, checkPositive } from './check.js';
import { checkInput, Module, toValue, type Input } from './module.js';

/**
 * An elementwise nonlinearity as a module (no parameters): `forward` applies `apply` to each
 * input, turning numbers into constant `Value`s first. The slopes at kinks follow autograd's ops
 * (ReLU's slope at 0 is 0, as in PyTorch).
 */
export abstract class Activation extends Module {
  /**
   * The nonlinearity on one value.
   *
   * @param v - the input value
   */
  abstract apply(v: Value): Value;

  /**
   * `apply` on every input.
   *
   * @param x - one sample: numbers or `Value`s
   */
  forward(x: Input): Value[] {
    return checkInput(this.constructor.name, x).map((v) => this.apply(toValue(v)));
  }
}

/** An {@link Activation} class for a parameterless op, named `name` (for errors and `constructor.name`). */
function activation(name: string, apply: (v: Value) => Value): new () => Activation {
  const Class = class extends Activation {
    apply(v: Value): Value {
      return apply(v);
    }
  };
  Object.defineProperty(Class, 'name', { value: name });
  return Class;
}

/** `max(0, x)`, the rectified linear unit (micrograd's neuron nonlinearity). `new ReLU()`. */
export const ReLU = activation('ReLU', (v) => v.relu());
/** A `ReLU` module (an {@link Activation}). */
export type ReLU = Activation;

/** `tanh(x)`, in (-1, 1). `new Tanh()`. */
export const Tanh = activation('Tanh', (v) => v.tanh());
/** A `Tanh` module (an {@link Activation}). */
export type Tanh = Activation;

/** The logistic sigmoid `1 / (1 + exp(-x))`, in (0, 1). `new Sigmoid()`. */
export const Sigmoid = activation('Sigmoid', (v) => v.sigmoid());
/** A `Sigmoid` module (an {@link Activation}). */
export type Sigmoid = Activation;

/**
 * The Gaussian error linear unit `x * Phi(x)` by its tanh approximation (autograd's `gelu`,
 * PyTorch's `GELU(approximate='tanh')`). `new GELU()`.
 */
export const GELU = activation('GELU', (v) => v.gelu());
/** A `GELU` module (an {@link Activation}). */
export type GELU = Activation;

/** `log(1 + exp(x))`, a smooth ReLU (exact and overflow-free in autograd). `new Softplus()`. */
export const Softplus = activation('Softplus', (v) => v.softplus());
/** A `Softplus` module (an {@link Activation}). */
export type Softplus = Activation;

/**
 * `x` for x > 0, `slope * x` otherwise (default slope 0.01, PyTorch's `negative_slope`).
 * @example new LeakyReLU({ slope: 0.2 })
 */
export class LeakyReLU extends Activation {
  readonly slope: number;

  /**
   * A `LeakyReLU` module with its `slope`.
   *
   * @param options - `slope`, the slope for x <= 0 (default 0.01)
   */
  constructor(options: { readonly slope?: number } = {}) {
    super();
    const { slope = 0.01 } = checkOptions('LeakyReLU', options, ['slope']) as { readonly slope?: number };
    this.slope = checkNonNegative('LeakyReLU', 'slope', slope);
  }

  /** The options, for `toString()`. */
  protected override describeOptions(): string {
    return `{ slope: ${this.slope} }`;
  }

  /**
   * `leakyRelu` with this module's slope.
   *
   * @param v - the input value
   */
  apply(v: Value): Value {
    return v.leakyRelu(this.slope);
  }
}

/**
 * `x` for x > 0, `alpha * (exp(x) - 1)` otherwise (default alpha 1, PyTorch's).
 * @example new ELU({ alpha: 0.5 })
 */
export class ELU extends Activation {
  readonly alpha: number;

  /**
   * An `ELU` module with its `alpha`.
   *
   * @param options - `alpha`, the value approached as x -> -Infinity is -alpha (default 1)
   */
  constructor(options: { readonly alpha?: number } = {}) {
    super();
    const { alpha = 1 } = checkOptions('ELU', options, ['alpha']) as { readonly alpha?: number };
    this.alpha = checkPositive('ELU', 'alpha', alpha);
  }

  /** The options, for `toString()`. */
  protected override describeOptions(): string {
    return `{ alpha: ${this.alpha} }`;
  }

  /**
   * `elu` with this module's alpha.
   *
   * @param v - the input value
   */
  apply(v: Value): Value {
    return v.elu(this.alpha);
  }
}
