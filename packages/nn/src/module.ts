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

/**
 * One thing a module holds, by name: a parameter tensor, a matrix of Values held in a field (kept
 * as rows: flattened only when it turns out to be new), or a sub-module.
 */
type Member =
  | { readonly name: string; readonly tensor: ParameterTensor }
  | { readonly name: string; readonly rows: readonly (readonly Value[])[] }
  | { readonly name: string; readonly module: Module };

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
    const owner = `${this.constructor.name}.registerParameter`;
    checkName(owner, name);
    if (!Array.isArray(values)) throw mustBe(owner, 'values', 'an array of Values', show(values));
    values.forEach((v: unknown, i) => {
      if (!isValue(v)) throw mustBe(owner, `values[${i}]`, 'a Value', show(v));
    });
    if (!Array.isArray(shape)) throw mustBe(owner, 'shape', 'an array of positive integers', show(shape));
    shape.forEach((d: unknown, i) => checkPositiveInteger(owner, `shape[${i}]`, d));
    const size = shape.reduce((a, b) => a * b, 1);
    if (values.length !== size) {
      throw new RangeError(`${owner}: values must have ${size} Values for shape [${shape.join(', ')}] (${name}), got ${values.length}`);
    }
    this.#claim(owner, name);
    this.#tensors.set(name, { shape: [...shape], values });
  }

  /**
   * Registers a sub-module; its parameters are named `<name>.<its name>`. Needed for a module
   * kept in a `#private` field or under a name of your choice (`Sequential`'s `layers.0`); a
   * public field holding a module is found without it.
   *
   * @param name - the sub-module's name, unique within this module
   * @param module - the sub-module
   */
  protected registerModule(name: string, module: Module): void {
    const owner = `${this.constructor.name}.registerModule`;
    checkName(owner, name);
    if (!(module instanceof Module)) throw mustBe(owner, 'module', 'a Module', show(module));
    this.#claim(owner, name);
    this.#children.set(name, module);
  }

  #claim(owner: string, name: string): void {
    if (this.#tensors.has(name) || this.#children.has(name)) throw mustBe(owner, 'name', 'unused in this module', `'${name}' twice`, RangeError);
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
    checkBoolean(`${this.constructor.name}.train`, 'mode', mode);
    for (const module of this.#modules(new Set([this]))) module.#training = mode;
    return this;
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
    const out: [string, Value][] = [];
    for (const [name, { shape, values }] of this.#namedTensors()) {
      values.forEach((v, flat) => out.push([shape.length === 0 ? name : `${name}.${unflatten(flat, shape).join('.')}`, v]));
    }
    return out;
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
    const parameters: Record<string, TensorState> = {};
    for (const [name, { shape, values }] of this.#namedTensors()) {
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
   * @param state - a state from `stateDict()`, also after a JSON round trip
   */
  loadStateDict(state: unknown): void {
    const owner = `${this.constructor.name}.loadStateDict`;
    if (!isRecord(state)) throw mustBe(owner, 'state', 'a state dict { version, parameters }', show(state));
    const { version, parameters } = state as { version?: unknown; parameters?: unknown };
    if (version !== 1) throw mustBe(owner, 'state.version', '1', show(version), RangeError);
    const given = checkObject(owner, 'state.parameters', parameters);
    const mine = new Map(this.#namedTensors());
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
    return this.#describe(new Set([this]));
  }

  #describe(seen: Set<Module>): string {
    const head = `${this.constructor.name}(${this.describeOptions()}`;
    const lines: string[] = [];
    for (const member of this.#members()) {
      if (!('module' in member) || seen.has(member.module)) continue;
      seen.add(member.module);
      lines.push(`  (${member.name}): ${member.module.#describe(seen).replaceAll('\n', '\n  ')}`);
    }
    return lines.length === 0 ? `${head})` : `${head}\n${lines.join('\n')}\n)`;
  }

  /** What `toString()` shows between the parentheses (sizes, options); empty by default. */
  protected describeOptions(): string {
    return '';
  }

  /** What this module holds: registered tensors and modules, then its fields in declaration order. */
  #members(): Member[] {
    const members: Member[] = [];
    for (const [name, tensor] of this.#tensors) members.push({ name, tensor });
    for (const [name, module] of this.#children) members.push({ name, module });
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Module) members.push({ name: key, module: value });
      else if (isValue(value)) members.push({ name: key, tensor: { shape: [], values: [value] } });
      else if (Array.isArray(value) && value.length > 0) members.push(...arrayMembers(key, value));
    }
    return members;
  }

  /** This module and every module below it, each once, depth first in member order. */
  *#modules(seen: Set<Module>): Generator<Module> {
    yield this;
    for (const member of this.#members()) {
      if (!('module' in member) || seen.has(member.module)) continue;
      seen.add(member.module);
      yield* member.module.#modules(seen);
    }
  }

  /** Every parameter tensor of the tree with its dotted name, each Value once (see the class doc). */
  #namedTensors(): [string, ParameterTensor][] {
    const out: [string, ParameterTensor][] = [];
    this.#collect('', new Set([this]), new Set(), out);
    return out;
  }

  // Runs on every zeroGrad(), so it allocates little: a field matrix is flattened only when new.
  #collect(prefix: string, modules: Set<Module>, seen: Set<Value>, out: [string, ParameterTensor][]): void {
    for (const member of this.#members()) {
      const name = prefix + member.name;
      if ('module' in member) {
        if (modules.has(member.module)) continue;
        modules.add(member.module);
        member.module.#collect(`${name}.`, modules, seen, out);
      } else if ('rows' in member) {
        const { rows } = member;
        if (isNew(this.constructor.name, name, rows, seen)) out.push([name, { shape: [rows.length, (rows[0] as Value[]).length], values: rows.flat() }]);
      } else if (isNew(this.constructor.name, name, [member.tensor.values], seen)) {
        out.push([name, member.tensor]);
      }
    }
  }
}

/** The members an array field holds: Modules (`<key>.<i>`), or Values of shape [n] or [rows, columns]. */
function arrayMembers(key: string, array: readonly unknown[]): Member[] {
  const first = array[0];
  if (first instanceof Module) return array.every((x) => x instanceof Module) ? array.map((module, i) => ({ name: `${key}.${i}`, module: module as Module })) : [];
  if (isValue(first)) return array.every(isValue) ? [{ name: key, tensor: { shape: [array.length], values: array as Value[] } }] : [];
  if (!Array.isArray(first) || first.length === 0) return [];
  const columns = first.length;
  const matrix = array.every((row) => Array.isArray(row) && row.length === columns && row.every(isValue));
  return matrix ? [{ name: key, rows: array as Value[][] }] : [];
}

/**
 * Whether a tensor (given as rows) is new: none of its Values seen yet (then they are marked
 * seen); false when all were (a field that holds registered Values, a module shared by two
 * parents). A tensor that shares some but not all of its Values with earlier ones has no name to
 * give, so it is refused.
 */
function isNew(owner: string, name: string, rows: readonly (readonly Value[])[], seen: Set<Value>): boolean {
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

/** A member name: a non-empty string. */
function checkName(owner: string, name: unknown): void {
  if (typeof name !== 'string' || name === '') throw mustBe(owner, 'name', 'a non-empty string', show(name));
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
  if (!Array.isArray(x)) throw mustBe(owner, 'input', 'an array of numbers or Values', show(x));
  if (length !== undefined && x.length !== length) throw new RangeError(`${owner}: input must have length ${length}, got ${x.length}`);
  const out = new Array<number | Value>(x.length);
  for (let i = 0; i < x.length; i++) {
    const v: unknown = x[i];
    if (isValue(v)) out[i] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[i] = v;
    else throw mustBe(owner, `input[${i}]`, 'a finite number or a Value', show(v));
  }
  return out;
}

/** A number as a constant `Value`; a `Value` as itself. */
export const toValue = (v: number | Value): Value => (typeof v === 'number' ? new Value(v) : v);
