import { isValue, Value } from '@etagrad/autograd';
import { checkBoolean, checkObject, checkPositiveInteger, isRecord, mustBe, show } from './check.js';

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

/** A matrix of Values held in a field, kept as rows: flattened only when it turns out to be new. */
type Rows = readonly (readonly Value[])[];

/** One thing a module holds, by name: a sub-module, a parameter tensor or a matrix field. */
type Member = readonly [name: string, member: Module | ParameterTensor | Rows];

/**
 * The base of every layer and model, PyTorch's `nn.Module` in miniature. A subclass keeps its
 * layers and parameters in fields (or registers them) and implements `forward`; the base class then
 * lists, names, counts, zeroes, saves and loads the parameters, and switches training/evaluation
 * mode for the whole tree.
 *
 * What counts, in this order (each `Value` and each module once, at its first place):
 * - tensors registered with `registerParameter` and modules registered with `registerModule`, in
 *   registration order;
 * - then the public fields, in declaration order, that hold a `Module`, a `Value` (a tensor of
 *   shape `[]`), an array of Values (shape `[n]`), an array of equal-length arrays of Values
 *   (shape `[rows, columns]`) or an array of Modules (named `<field>.<i>`), as PyTorch finds the
 *   modules and parameters assigned to attributes. Other fields (numbers, options) are ignored.
 *
 * JavaScript's `#private` fields cannot be seen from the base class: register what they hold.
 *
 * @example
 * class Residual extends Module {
 *   readonly inner = new Linear(4, 4);   // found: parameters inner.weight.j.i, inner.bias.j
 *   readonly scale = new Value(0.5);      // found: parameter scale
 *   forward(x: Input): Value[] {
 *     return this.inner.forward(x).map((y, j) => y.mul(this.scale).add(x[j]!));
 *   }
 * }
 */
export abstract class Module {
  readonly #tensors = new Map<string, ParameterTensor>();
  readonly #children = new Map<string, Module>();
  #training = true;

  /**
   * Runs the module on one sample; always returns an array of `Value`s, also for one output.
   *
   * @param x - one sample: numbers (data) or `Value`s (another module's output)
   */
  abstract forward(x: Input): Value[];

  /**
   * Registers a parameter tensor: `values` in row-major order for `shape` (`[nOut, nIn]` for a
   * weight matrix, `[n]` for a vector). Names are unique within a module. Needed for what a field
   * cannot show (a `#private` field, a flat list with a matrix shape); a public field holding
   * Values is found without it.
   *
   * @param name - the tensor's name, unique within this module, e.g. `'weight'`
   * @param values - its Values, in row-major order
   * @param shape - its dimensions, positive integers whose product is `values.length`
   */
  protected registerParameter(name: string, values: readonly Value[], shape: readonly number[]): void {
    const owner = this.#claim('registerParameter', name);
    checkEach(owner, 'values', values, 'an array of Values', (v, at) => {
      if (!isValue(v)) throw mustBe(owner, at, 'a Value', show(v));
    });
    checkEach(owner, 'shape', shape, 'an array of positive integers', (d, at) => checkPositiveInteger(owner, at, d));
    const size = sizeOf(shape);
    if (values.length !== size) {
      throw new RangeError(`${owner}: values must have ${size} Values for shape ${dims(shape)} (${name}), got ${values.length}`);
    }
    this.#tensors.set(name, { shape: [...shape], values });
  }

  /**
   * Registers a sub-module; its parameters are named `<name>.<its name>`. Needed for a module
   * kept in a `#private` field or under a name of your choice; a public field holding a module
   * (or an array of modules, as `Sequential`'s `layers`) is found without it.
   *
   * @param name - the sub-module's name, unique within this module
   * @param module - the sub-module
   */
  protected registerModule(name: string, module: Module): void {
    const owner = this.#claim('registerModule', name);
    if (!(module instanceof Module)) throw mustBe(owner, 'module', 'a Module', show(module));
    this.#children.set(name, module);
  }

  /** `<class>.<method>`, for messages, once `name` is checked to be a new member name. */
  #claim(method: string, name: unknown): string {
    const owner = this.#owner(method);
    if (typeof name !== 'string' || name === '') throw mustBe(owner, 'name', 'a non-empty string', show(name));
    if (this.#tensors.has(name) || this.#children.has(name)) throw mustBe(owner, 'name', 'unused in this module', `'${name}' twice`, RangeError);
    return owner;
  }

  /** `<class>.<method>`: who the user called, as messages name it. */
  #owner(method: string): string {
    return `${this.constructor.name}.${method}`;
  }

  /** True in training mode (the default), false after `eval()`; only `Dropout` behaves differently. */
  get training(): boolean {
    return this.#training;
  }

  /**
   * Sets training mode on this module and every sub-module; returns this.
   *
   * @param mode - true for training (the default), false for evaluation
   */
  train(mode = true): this {
    this.#train(checkBoolean(this.#owner('train'), 'mode', mode), new Set([this]));
    return this;
  }

  #train(mode: boolean, seen: Set<Module>): void {
    this.#training = mode;
    this.#each(seen, (_, member) => member instanceof Module && member.#train(mode, seen));
  }

  /** Evaluation mode (`train(false)`): dropout passes inputs through. Returns this. */
  eval(): this {
    return this.train(false);
  }

  /** Every trainable scalar, in a stable order (what an optimizer takes). */
  parameters(): Value[] {
    return this.#namedTensors().flatMap(([, tensor]) => tensor.values);
  }

  /**
   * Every trainable scalar with its name: the dotted path of modules, the tensor, then the
   * index in each dimension, e.g. `layers.0.weight.3.1` (first Linear of an MLP, weight row 3 =
   * output 3, column 1 = input 1), `layers.0.bias.3`, or `scale` for a single Value.
   */
  namedParameters(): [string, Value][] {
    return this.#namedTensors().flatMap(([name, { shape, values }]) =>
      values.map((v, flat): [string, Value] => [shape.length === 0 ? name : `${name}.${unflatten(flat, shape)}`, v]));
  }

  /** Number of trainable scalars. */
  numParameters(): number {
    return this.parameters().length;
  }

  /** Sets every parameter's `grad` to 0 (gradients accumulate across `backward` calls). */
  zeroGrad(): void {
    for (const [, tensor] of this.#namedTensors()) for (const v of tensor.values) v.grad = 0;
  }

  /** The parameters as plain JSON (see {@link StateDict}); a snapshot, not a view. */
  stateDict(): StateDict {
    const tensors = this.#namedTensors().map(([name, { shape, values }]): [string, TensorState] =>
      [name, { shape: [...shape], data: values.map((v) => v.data) }]);
    return { version: 1, parameters: Object.fromEntries(tensors) };
  }

  /**
   * Loads parameters saved by `stateDict()` into this module. Names and shapes must match
   * exactly and every value must be a finite number; otherwise it throws one error that lists
   * every difference (missing, unexpected, wrong shape, bad values) and changes nothing.
   * Gradients are left as they are.
   *
   * @param state - a state from `stateDict()`, also after a JSON round trip
   */
  loadStateDict(state: unknown): void {
    const owner = this.#owner('loadStateDict');
    if (!isRecord(state)) throw mustBe(owner, 'state', 'a state dict { version, parameters }', show(state));
    if (state['version'] !== 1) throw mustBe(owner, 'state.version', '1', show(state['version']), RangeError);
    const given = checkObject(owner, 'state.parameters', state['parameters']);
    const mine = new Map(this.#namedTensors());
    const problems = [...mine.keys()].filter((name) => !Object.hasOwn(given, name)).map((name) => `missing ${name}`);
    for (const name of Object.keys(given)) if (!mine.has(name)) problems.push(`unexpected ${name}`);
    for (const [name, { shape }] of mine) {
      const problem = Object.hasOwn(given, name) && tensorProblem(given[name], shape);
      if (problem) problems.push(`${name}: ${problem}`);
    }
    if (problems.length > 0) {
      throw new RangeError(`${owner}: state does not match this ${this.constructor.name} (nothing loaded):\n  ${problems.join('\n  ')}`);
    }
    for (const [name, { values }] of mine) {
      const { data } = given[name] as TensorState;
      values.forEach((v, i) => (v.data = data[i] as number));
    }
  }

  /**
   * The module tree, PyTorch's repr: `Linear(2, 16)`, or for a container one child per line,
   * `MLP(\n  (layers.0): Linear(2, 16)\n  (layers.1): ReLU()\n  ...\n)`.
   */
  toString(): string {
    return this.#describe(new Set([this]));
  }

  #describe(seen: Set<Module>): string {
    const head = `${this.constructor.name}(${this.describeOptions()}`;
    let lines = '';
    this.#each(seen, (name, member) => {
      if (member instanceof Module) lines += `\n  (${name}): ${member.#describe(seen).replaceAll('\n', '\n  ')}`;
    });
    return `${head}${lines && `${lines}\n`})`;
  }

  /** What `toString()` shows between the parentheses (sizes, options); empty by default. */
  protected describeOptions(): string {
    return '';
  }

  /**
   * Calls `visit` on each member in order: registered tensors and modules, then fields in
   * declaration order; a module only when it is not in `seen` yet (it is added then), so each
   * module of the tree is visited once, at its first place depth first, and a cycle ends.
   */
  #each(seen: Set<Module>, visit: (name: string, member: Member[1]) => void): void {
    const members: Member[] = [...this.#tensors, ...this.#children];
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Module) members.push([key, value]);
      else if (isValue(value)) members.push([key, { shape: [], values: [value] }]);
      else if (Array.isArray(value) && value.length > 0) members.push(...arrayMembers(key, value));
    }
    for (const [name, member] of members) {
      if (!(member instanceof Module) || (!seen.has(member) && seen.add(member))) visit(name, member);
    }
  }

  /** Every parameter tensor of the tree with its dotted name, each Value once (see the class doc). */
  #namedTensors(): [string, ParameterTensor][] {
    const out: [string, ParameterTensor][] = [];
    this.#collect('', new Set([this]), new Set(), out);
    return out;
  }

  // Runs on every zeroGrad(): a field matrix is flattened only once it is known to be new.
  #collect(prefix: string, modules: Set<Module>, seen: Set<Value>, out: [string, ParameterTensor][]): void {
    this.#each(modules, (key, member) => {
      const name = prefix + key;
      if (member instanceof Module) member.#collect(`${name}.`, modules, seen, out);
      else if ('shape' in member) {
        if (isNew(this.constructor.name, name, [member.values], seen)) out.push([name, member]);
      } else if (isNew(this.constructor.name, name, member, seen)) {
        out.push([name, { shape: [member.length, member[0]!.length], values: member.flat() }]);
      }
    });
  }
}

/** The members an array field holds: Modules (`<key>.<i>`), or Values of shape [n] or [rows, columns]. */
function arrayMembers(key: string, array: readonly unknown[]): Member[] {
  if (array.every((x) => x instanceof Module)) return array.map((module, i) => [`${key}.${i}`, module]);
  if (array.every(isValue)) return [[key, { shape: [array.length], values: array }]];
  const first = array[0];
  const matrix = Array.isArray(first) && first.length > 0 &&
    array.every((row) => Array.isArray(row) && row.length === first.length && row.every(isValue));
  return matrix ? [[key, array as Rows]] : [];
}

/**
 * Whether a tensor (given as rows) is new: none of its Values seen yet (then they are marked
 * seen); false when all were (a field that holds registered Values, a module shared by two
 * parents). A tensor that shares some but not all of its Values with earlier ones has no name to
 * give, so it is refused.
 */
function isNew(owner: string, name: string, rows: Rows, seen: Set<Value>): boolean {
  let shared = 0;
  let size = 0;
  for (const row of rows) {
    size += row.length;
    for (const v of row) if (seen.has(v)) shared += 1;
  }
  if (shared === size) return false;
  if (shared > 0) {
    throw new RangeError(`${owner}: ${name} must share all or none of its Values with the parameters found before it, got ${shared} of ${size} shared`);
  }
  for (const row of rows) for (const v of row) seen.add(v);
  return true;
}

/** The number of values a tensor of `shape` holds. */
const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** A shape as messages write it: `[2, 3]`. */
const dims = (shape: readonly unknown[]): string => `[${shape.join(', ')}]`;

/** `x` must be an array (else `<owner>: <name> must be <what>`); `check` sees each item and its name. */
function checkEach(owner: string, name: string, x: unknown, what: string, check: (item: unknown, at: string) => void): void {
  if (!Array.isArray(x)) throw mustBe(owner, name, what, show(x));
  x.forEach((item: unknown, i) => check(item, `${name}[${i}]`));
}

/** Row-major flat index -> the index in each dimension, dotted: `3.1`. */
const unflatten = (flat: number, shape: readonly number[]): string =>
  shape.reduceRight((index: number[], size) => {
    index.unshift(flat % size);
    flat = Math.floor(flat / size);
    return index;
  }, []).join('.');

/** What is wrong with a saved tensor for `shape` (its shape, or its data: one finite number per value), or ''. */
function tensorProblem(tensor: unknown, shape: readonly number[]): string {
  if (typeof tensor !== 'object' || tensor === null) return `must be { shape, data }, got ${show(tensor)}`;
  const { shape: theirs, data } = tensor as { shape?: unknown; data?: unknown };
  if (!Array.isArray(theirs) || theirs.length !== shape.length || theirs.some((d, i) => d !== shape[i])) {
    return `shape must be ${dims(shape)}, got ${Array.isArray(theirs) ? dims(theirs) : show(theirs)}`;
  }
  const size = sizeOf(shape);
  if (!Array.isArray(data) || data.length !== size) return `data must be ${size} numbers, got ${show(data)}`;
  const bad = data.findIndex((v) => !Number.isFinite(v)); // false for anything but a finite number
  return bad < 0 ? '' : `data[${bad}] must be a finite number, got ${show(data[bad])}`;
}

/**
 * Checks one sample for `forward` and returns it as a fresh array (autograd's n-ary ops keep the
 * array they are given, so a caller reusing its input buffer cannot corrupt the graph).
 * `length` is checked when given.
 */
export function checkInput(owner: string, x: unknown, length?: number): (number | Value)[] {
  if (!Array.isArray(x)) throw mustBe(owner, 'input', 'an array of numbers or Values', show(x));
  if (length !== undefined && x.length !== length) throw new RangeError(`${owner}: input must have length ${length}, got ${x.length}`);
  const out = new Array<number | Value>(x.length);
  for (let i = 0; i < x.length; i++) {
    const v: unknown = x[i];
    if (isValue(v) || Number.isFinite(v)) out[i] = v as number | Value; // Number.isFinite: a finite number
    else throw mustBe(owner, `input[${i}]`, 'a finite number or a Value', show(v));
  }
  return out;
}

/** A number as a constant `Value`; a `Value` as itself. */
export const toValue = (v: number | Value): Value => (typeof v === 'number' ? new Value(v) : v);
