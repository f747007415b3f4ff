import { Value } from '@etagrad/autograd';
import { checkObject, show } from './check.js';

/** What `forward` takes: one sample, as plain numbers (data) or `Value`s (another layer's output). */
export type Input = readonly (number | Value)[];

/** One parameter tensor in a {@link StateDict}: its shape and its values, flat in row-major order. */
export interface TensorState {
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

/**
 * A module's parameters as plain JSON: one {@link TensorState} per parameter tensor, keyed by its
 * dotted name (`layers.0.weight`). `JSON.stringify` writes every double so that `JSON.parse`
 * reads it back bit for bit.
 */
export interface StateDict {
  readonly version: 1;
  readonly parameters: { readonly [name: string]: TensorState };
}

interface ParameterTensor {
  readonly shape: readonly number[];
  readonly values: readonly Value[];
}

/**
 * The base of every layer and model, PyTorch's `nn.Module` in miniature. A subclass registers its
 * parameter tensors (`registerParameter`) and sub-modules (`registerModule`) in its constructor
 * and implements `forward`; the base class then lists, names, counts, zeroes, saves and loads
 * the parameters, and switches training/evaluation mode for the whole tree.
 *
 * Order is stable: a module's own tensors in registration order, then each child's, depth first.
 *
 * @example
 * class Affine extends Module {
 *   readonly scale = [new Value(1)];
 *   constructor() { super(); this.registerParameter('scale', this.scale, [1]); }
 *   forward(x: Input): Value[] { return x.map((v) => this.scale[0]!.mul(v)); }
 * }
 */
export abstract class Module {
  readonly #tensors = new Map<string, ParameterTensor>();
  readonly #children = new Map<string, Module>();
  #training = true;

  /**
   * Runs the module on one sample; always returns an array of `Value`s, also for one output.
   *
   * @param x - one sample: its inputs as numbers or Values
   */
  abstract forward(x: Input): Value[];

  /**
   * Registers a parameter tensor: `values` in row-major order for `shape` (`[nOut, nIn]` for a
   * weight matrix, `[n]` for a vector). Names are unique within a module.
   *
   * @param name - the tensor's name, unique within the module
   * @param values - the tensor's Values, row-major
   * @param shape - the tensor's shape, e.g. `[nOut, nIn]`
   */
  protected registerParameter(name: string, values: readonly Value[], shape: readonly number[]): void {
    const size = shape.reduce((a, b) => a * b, 1);
    if (values.length !== size) throw new Error(`${this.constructor.name}: parameter ${name} has ${values.length} values for shape [${shape.join(', ')}]`);
    this.#claim(name);
    this.#tensors.set(name, { shape: [...shape], values });
  }

  /**
   * Registers a sub-module; its parameters are named `<name>.<its name>`.
   *
   * @param name - the sub-module's name, unique within the module
   * @param module - the sub-module
   */
  protected registerModule(name: string, module: Module): void {
    this.#claim(name);
    this.#children.set(name, module);
  }

  #claim(name: string): void {
    if (this.#tensors.has(name) || this.#children.has(name)) throw new Error(`${this.constructor.name}: ${name} is registered twice`);
  }

  /** True in training mode (the default), false after `eval()`; only `Dropout` behaves differently. */
  get training(): boolean {
    return this.#training;
  }

  /**
   * Sets training mode (default true) on this module and every sub-module; returns this.
   *
   * @param mode - true for training mode, false for evaluation mode
   */
  train(mode = true): this {
    this.#training = mode;
    for (const child of this.#children.values()) child.train(mode);
    return this;
  }

  /** Evaluation mode (`train(false)`): dropout passes inputs through. Returns this. */
  eval(): this {
    return this.train(false);
  }

  /** Every trainable scalar, in a stable order (what an optimizer takes). */
  parameters(): Value[] {
    const out: Value[] = [];
    for (const [, tensor] of this.#namedTensors('')) out.push(...tensor.values);
    return out;
  }

  /**
   * Every trainable scalar with its name: the dotted path of modules, the tensor, then the
   * index in each dimension, e.g. `layers.0.weight.3.1` (first Linear of an MLP, weight row 3 =
   * output 3, column 1 = input 1) or `layers.0.bias.3`.
   */
  namedParameters(): [string, Value][] {
    const out: [string, Value][] = [];
    for (const [name, { shape, values }] of this.#namedTensors('')) {
      values.forEach((v, flat) => out.push([`${name}.${unflatten(flat, shape).join('.')}`, v]));
    }
    return out;
  }

  /** Number of trainable scalars. */
  numParameters(): number {
    let n = 0;
    for (const [, tensor] of this.#namedTensors('')) n += tensor.values.length;
    return n;
  }

  /** Sets every parameter's `grad` to 0 (gradients accumulate across `backward` calls). */
  zeroGrad(): void {
    for (const [, tensor] of this.#namedTensors('')) for (const v of tensor.values) v.grad = 0;
  }

  /** The parameters as plain JSON (see {@link StateDict}); a snapshot, not a view. */
  stateDict(): StateDict {
    const parameters: Record<string, TensorState> = {};
    for (const [name, { shape, values }] of this.#namedTensors('')) {
      parameters[name] = { shape: [...shape], data: values.map((v) => v.data) };
    }
    return { version: 1, parameters };
  }

  /**
   * Loads parameters saved by `stateDict()` into this module. Names and shapes must match
   * exactly and every value must be a finite number; otherwise it throws one error that lists
   * every difference (missing, unexpected, wrong shape, bad values) and changes nothing.
   * Gradients are left as they are.
   *
   * @param state - what `stateDict()` returned, e.g. parsed back from JSON
   */
  loadStateDict(state: unknown): void {
    const owner = `${this.constructor.name}.loadStateDict`;
    if (typeof state !== 'object' || state === null || Array.isArray(state)) {
      throw new TypeError(`${owner}: state must be a state dict { version, parameters }, got ${show(state)}`);
    }
    const { version, parameters } = state as { version?: unknown; parameters?: unknown };
    if (version !== 1) throw new RangeError(`${owner}: state.version must be 1, got ${show(version)}`);
    const given = checkObject(owner, 'state.parameters', parameters);
    const mine = new Map(this.#namedTensors(''));
    const problems: string[] = [];
    for (const name of mine.keys()) if (!Object.hasOwn(given, name)) problems.push(`missing ${name}`);
    for (const name of Object.keys(given)) if (!mine.has(name)) problems.push(`unexpected ${name}`);
    const updates: [readonly Value[], readonly number[]][] = [];
    for (const [name, tensor] of mine) {
      if (!Object.hasOwn(given, name)) continue;
      const data = checkTensor(name, given[name], tensor.shape, problems);
      if (data !== null) updates.push([tensor.values, data]);
    }
    if (problems.length > 0) {
      throw new RangeError(`${owner}: state does not match this ${this.constructor.name} (nothing loaded):\n  ${problems.join('\n  ')}`);
    }
    for (const [values, data] of updates) values.forEach((v, i) => (v.data = data[i] as number));
  }

  /**
   * The module tree, PyTorch's repr: `Linear(2, 16)`, or for a container one child per line,
   * `MLP(\n  (layers.0): Linear(2, 16)\n  (layers.1): ReLU()\n  ...\n)`.
   */
  toString(): string {
    const head = `${this.constructor.name}(${this.describeOptions()}`;
    if (this.#children.size === 0) return `${head})`;
    const lines = [...this.#children].map(([name, child]) => `  (${name}): ${child.toString().replaceAll('\n', '\n  ')}`);
    return `${head}\n${lines.join('\n')}\n)`;
  }

  /** What `toString()` shows between the parentheses (sizes, options); empty by default. */
  protected describeOptions(): string {
    return '';
  }

  *#namedTensors(prefix: string): Generator<[string, ParameterTensor]> {
    for (const [name, tensor] of this.#tensors) yield [prefix + name, tensor];
    for (const [name, child] of this.#children) yield* child.#namedTensors(`${prefix}${name}.`);
  }
}

/** Row-major flat index -> one index per dimension. */
function unflatten(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d] as number;
    index[d] = flat % size;
    flat = Math.floor(flat / size);
  }
  return index;
}

/** The tensor's data if it has `shape` and finite numbers; otherwise records why and returns null. */
function checkTensor(name: string, tensor: unknown, shape: readonly number[], problems: string[]): readonly number[] | null {
  const expected = `[${shape.join(', ')}]`;
  if (typeof tensor !== 'object' || tensor === null) {
    problems.push(`${name}: must be { shape, data }, got ${show(tensor)}`);
    return null;
  }
  const { shape: theirs, data } = tensor as { shape?: unknown; data?: unknown };
  if (!Array.isArray(theirs) || theirs.length !== shape.length || theirs.some((d, i) => d !== shape[i])) {
    problems.push(`${name}: shape must be ${expected}, got ${Array.isArray(theirs) ? `[${theirs.join(', ')}]` : show(theirs)}`);
    return null;
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (!Array.isArray(data) || data.length !== size) {
    problems.push(`${name}: data must be ${size} numbers, got ${show(data)}`);
    return null;
  }
  const bad = data.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) {
    problems.push(`${name}: data[${bad}] must be a finite number, got ${show(data[bad])}`);
    return null;
  }
  return data as number[];
}

/**
 * Checks one sample for `forward` and returns it as a fresh array (autograd's n-ary ops keep the
 * array they are given, so a caller reusing its input buffer cannot corrupt the graph).
 * `length` is checked when given.
 */
export function checkInput(owner: string, x: unknown, length?: number): (number | Value)[] {
  if (!Array.isArray(x)) throw new TypeError(`${owner}: input must be an array of numbers or Values, got ${show(x)}`);
  if (length !== undefined && x.length !== length) throw new RangeError(`${owner}: input must have length ${length}, got ${x.length}`);
  const out = new Array<number | Value>(x.length);
  for (let i = 0; i < x.length; i++) {
    const v: unknown = x[i];
    if (v instanceof Value) out[i] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[i] = v;
    else throw new TypeError(`${owner}: input[${i}] must be a finite number or a Value, got ${show(v)}`);
  }
  return out;
}

/** A number as a constant `Value`; a `Value` as itself. */
export const toValue = (v: number | Value): Value => (v instanceof Value ? v : new Value(v));
