import { checkData, checkFunction, describe } from './check.js';
import { isGradEnabled } from './grad-mode.js';
import { replayBackward, replayForward } from './replay.js';
import { shared } from './shared.js';
import { tapeSize } from './tape.js';
import { flatten, TraceError, type Trace } from './trace.js';
import { isValue, Value } from './value.js';

/**
 * The Error `compile` and a program throw when a graph cannot be traced or replayed (made partly
 * before `build` ran, recording off, or depending on the data): the caller can fall back to the
 * eager engine on it, and on nothing else.
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';
}

/**
 * What `build` gives `compile`: the inputs' leaves in, the outputs out (the first is differentiated).
 *
 * @param inputs - one leaf per input number, in order
 */
export type Build = (inputs: Value[]) => readonly Value[];

/**
 * A traced graph, replayed on typed arrays (see {@link compile}).
 */
export interface Program {
  /** Op nodes in the trace. */
  readonly nodes: number;
  /** How many numbers `run` and `forward` take: the length of the example. */
  readonly inputs: number;
  /**
   * Forward and backward with new input numbers: returns the outputs' numbers (`[0]` the loss)
   * and adds `∂loss/∂p` to every parameter's `grad`, as `loss.backward()` would. Returns the same
   * array each call, overwritten by the next.
   * @param numbers as many numbers as the example
   */
  run(numbers: readonly number[]): Float64Array;
  /**
   * Forward only (evaluation): the outputs' numbers, in the same reused array; no gradient changes.
   * @param numbers as many numbers as the example
   */
  forward(numbers: readonly number[]): Float64Array;
  /**
   * After `forward`, hands given gradients of the outputs (`∂L/∂output k` for some `L` computed
   * from them outside the program) down to the parameters, adding to their `grad`: the model's
   * half of `L.backward()`, bit-identical to it when `L`'s own backward has run first.
   * @param seeds one gradient per output
   * @throws RangeError when `seeds` does not hold one number per output, or no forward ran;
   *   TypeError when a seed is not a number (NaN and ±Infinity pass on, as eager backward's do).
   */
  backward(seeds: ArrayLike<number>): void;
}

/**
 * Traces `build` once and returns a program that replays its graph on typed arrays, with no
 * allocation and no graph per call: the fast path for training the same model on new numbers.
 *
 * `build` receives one leaf `Value` per number of `example` (the inputs) and returns the outputs;
 * the first is what `run` differentiates. Every other leaf the outputs reach (a model's
 * parameters) is a parameter: its `data` is read at each call (so an optimizer's update in place
 * is seen) and `run` adds to its `grad`, as eager `backward()` does. Numbers inside the graph are
 * constants. The numbers are bit-identical to building the graph again and calling `backward()`
 * (same ops in the same order; gradient work that is exactly zero is skipped, which changes no
 * bit). The Values made by the trace are not updated by later calls.
 *
 * **Data-dependent graphs cannot be replayed**: a graph whose shape or constants depend on the
 * input numbers (a branch on `x.data`, `detach`, a `new Value(f(x.data))`) would replay the
 * example's graph. The first call with numbers other than the example's builds the graph again
 * eagerly and compares it with the trace, op by op, operand by operand and number by number; a
 * difference throws a {@link CompileError} that says to run that model eagerly. Use {@link compileByShape}
 * when the number of inputs changes (a last, smaller mini-batch).
 *
 * @param build the computation, from input leaves to outputs (the loss first)
 * @param example numbers for the inputs, used for the trace
 * @throws TypeError on a bad argument; {@link CompileError} when the graph cannot be traced (made partly before
 *   `build` was called, recording off under `noGrad`) or turns out data-dependent.
 * @example
 * const program = compile(([x, y]) => [x.mul(w).add(b).sub(y).pow(2)], [1, 3]);
 * zeroGrad([w, b]);
 * const [loss] = program.run([2, 5]); // w.grad, b.grad as after loss.backward()
 */
export function compile(build: Build, example: readonly number[]): Program {
  checkFunction('compile', 'build', build);
  const numbers = checkNumbers('compile', 'example', example, -1);
  const trace = traceOf(build, numbers);
  return new Replay(build, trace, numbers);
}

/**
 * {@link compile}, tracing once per number of inputs: a call with a length not seen before traces
 * `build` again (a last, smaller mini-batch gets its own program). The programs are kept.
 * @param build as for `compile`
 * @example
 * const step = compileByShape(buildBatch);
 * step.run(batchOf32); step.run(lastBatchOf7); // two traces, each reused afterwards
 */
export function compileByShape(build: Build): {
  /**
   * {@link Program.run} with the program for `numbers.length`, traced on first use.
   *
   * @param numbers - the inputs, one number per leaf
   */
  run(numbers: readonly number[]): Float64Array;
  /**
   * {@link Program.forward} with the program for `numbers.length`, traced on first use.
   *
   * @param numbers - the inputs, one number per leaf
   */
  forward(numbers: readonly number[]): Float64Array;
  /** The program that ran the last `run` or `forward` (for `backward(seeds)`), or null before any. */
  last(): Program | null;
  /** The programs traced so far, by number of inputs. */
  readonly programs: ReadonlyMap<number, Program>;
} {
  checkFunction('compileByShape', 'build', build);
  const programs = new Map<number, Program>();
  let latest: Program | null = null;
  const programFor = (numbers: readonly number[]): Program => {
    if (!Array.isArray(numbers)) throw new TypeError(`compileByShape: numbers must be an array, got ${describe(numbers)}`);
    let program = programs.get(numbers.length);
    if (program === undefined) {
      program = compile(build, numbers);
      programs.set(numbers.length, program);
    }
    latest = program;
    return program;
  };
  return {
    run: (numbers) => programFor(numbers).run(numbers),
    forward: (numbers) => programFor(numbers).forward(numbers),
    last: () => latest,
    programs,
  };
}

class Replay implements Program {
  readonly nodes: number;
  readonly inputs: number;
  private readonly val: Float64Array;
  private readonly grad: Float64Array;
  private readonly out: Float64Array;
  private checked = false;
  private forwarded = false;
  private readonly build: Build;
  private readonly trace: Trace;
  private readonly example: readonly number[];

  constructor(build: Build, trace: Trace, example: readonly number[]) {
    this.build = build;
    this.trace = trace;
    this.example = example;
    this.nodes = trace.nodes.length;
    this.inputs = example.length;
    this.val = trace.constants.slice();
    this.grad = new Float64Array(trace.slots);
    this.out = new Float64Array(trace.outputs.length);
  }

  run(numbers: readonly number[]): Float64Array {
    this.forwardPass('run', numbers);
    this.backwardPass(null);
    return this.out;
  }

  forward(numbers: readonly number[]): Float64Array {
    this.forwardPass('forward', numbers);
    return this.out;
  }

  backward(seeds: ArrayLike<number>): void {
    if (!this.forwarded) throw new RangeError('program.backward: forward must run first, got no forward since the last backward');
    const outputs = this.trace.outputs.length;
    if (typeof seeds !== 'object' || seeds === null || seeds.length !== outputs) {
      throw new RangeError(`program.backward: seeds must hold one number per output (${outputs}), got ${describe(seeds)}`);
    }
    // NaN and ±Infinity pass (a gradient may honestly be either); anything else would be coerced
    for (let k = 0; k < outputs; k++) {
      if (typeof seeds[k] !== 'number') throw new TypeError(`program.backward: seeds[${k}] must be a number, got ${describe(seeds[k])}`);
    }
    this.backwardPass(seeds);
  }

  private backwardPass(seeds: ArrayLike<number> | null): void {
    const { leaves, leafSlots } = this.trace;
    for (let i = 0; i < leaves.length; i++) this.grad[leafSlots[i] as number] = (leaves[i] as Value).grad;
    replayBackward(this.trace, this.val, this.grad, seeds);
    for (let i = 0; i < leaves.length; i++) (leaves[i] as Value).grad = this.grad[leafSlots[i] as number] as number;
    this.forwarded = false;
  }

  private forwardPass(owner: string, numbers: readonly number[]): void {
    const xs = checkNumbers(`program.${owner}`, 'numbers', numbers, this.inputs);
    const { val, trace } = this;
    for (let i = 0; i < xs.length; i++) val[i] = xs[i] as number;
    const { leaves, leafSlots } = trace;
    for (let i = 0; i < leaves.length; i++) val[leafSlots[i] as number] = (leaves[i] as Value).data;
    replayForward(trace, val);
    for (let i = 0; i < trace.outputs.length; i++) this.out[i] = val[trace.outputs[i] as number] as number;
    if (!this.checked && !sameNumbers(xs, this.example)) {
      checkReplay(this.build, trace, this.example, xs, val);
      this.checked = true;
    }
    this.forwarded = true;
  }
}

/** Traces `build` on leaves holding `numbers`. */
function traceOf(build: Build, numbers: readonly number[]): Trace {
  if (!isGradEnabled()) throw new CompileError('compile: recording is off (inside noGrad), so build makes no graph to trace');
  const inputs = numbers.map((x) => new Value(x));
  // the nodes build makes are those from this tape position on, kept in creation order however
  // many there are (the tape is not emptied at its capacity while a trace runs)
  const since = tapeSize();
  let outputs: readonly Value[];
  shared.tracing++;
  try {
    outputs = build(inputs);
  } finally {
    shared.tracing--;
  }
  if (!Array.isArray(outputs) || outputs.length === 0) {
    throw new TypeError(`compile: build must return a non-empty array of Values, got ${describe(outputs)}`);
  }
  outputs.forEach((v, i) => {
    if (!isValue(v)) throw new TypeError(`compile: build's outputs[${i}] must be a Value, got ${describe(v)}`);
  });
  try {
    return flatten(inputs, outputs as readonly Value[], since);
  } catch (error) {
    if (error instanceof TraceError) throw new CompileError(`compile: the graph cannot be traced: ${error.message}`);
    throw error;
  }
}

/**
 * Builds the graph again on `numbers` and compares it with `trace` replayed on them (`val`):
 * same ops, same operands, same parameters (or leaves made inside build holding the same numbers),
 * same numbers. `example` is the trace's input.
 */
function checkReplay(build: Build, trace: Trace, example: readonly number[], numbers: readonly number[], val: Float64Array): void {
  const again = retrace(build, numbers);
  const fail = (what: string): never => {
    throw new CompileError(
      `compile: the graph depends on the input numbers (${what} differs from the trace's), so it cannot be replayed; ` +
        'run this model eagerly (a branch on .data, detach() or a Value made from .data inside build changes the graph)',
    );
  };
  if (again.nodes.length !== trace.nodes.length) fail(`the node count (${again.nodes.length} for ${trace.nodes.length})`);
  if (!sameInts(again.code, trace.code)) fail('the op sequence');
  if (!sameInts(again.a, trace.a) || !sameInts(again.b, trace.b) || !sameInts(again.args, trace.args)) fail('the operands');
  if (!sameInts(again.leafSlots, trace.leafSlots)) fail('the leaves');
  for (let i = 0; i < trace.slots; i++) {
    if (!Object.is(again.constants[i], trace.constants[i])) fail(`the constant in slot ${i}`);
  }
  // Two leaves at one slot holding the same number are equal when both are made inside build
  // (another object on every trace), not when either is a parameter (the same object on every
  // trace): zero-initialised biases picked by a branch would get each other's gradients. Which is
  // which, a trace more on the same numbers tells; run only where the leaves differ.
  let numbersAgain: Trace | null = null;
  let exampleAgain: Trace | null = null;
  for (let i = 0; i < trace.leaves.length; i++) {
    const mine = trace.leaves[i] as Value;
    const theirs = again.leaves[i] as Value;
    if (mine === theirs) continue;
    if (!Object.is(mine.data, theirs.data)) fail('a leaf made inside build');
    numbersAgain ??= retrace(build, numbers);
    exampleAgain ??= retrace(build, example);
    if (numbersAgain.leaves[i] === theirs || exampleAgain.leaves[i] === mine) fail(`the parameter in slot ${trace.leafSlots[i]}`);
  }
  for (let i = 0; i < again.nodes.length; i++) {
    if (!Object.is((again.nodes[i] as Value).data, val[trace.firstNode + i])) fail(`the number of node ${i}`);
  }
}

/** {@link traceOf} with recording on, for a check: a program evaluated inside noGrad must not fail it. */
function retrace(build: Build, numbers: readonly number[]): Trace {
  const recording = shared.recording;
  shared.recording = true;
  try {
    return traceOf(build, numbers);
  } finally {
    shared.recording = recording;
  }
}

function checkNumbers(owner: string, name: string, xs: readonly number[], length: number): readonly number[] {
  if (!Array.isArray(xs)) throw new TypeError(`${owner}: ${name} must be an array of numbers, got ${describe(xs)}`);
  if (length >= 0 && xs.length !== length) {
    throw new RangeError(`${owner}: ${name} must hold ${length} number${length === 1 ? '' : 's'}, as the example did, got ${xs.length}`);
  }
  for (let i = 0; i < xs.length; i++) if (typeof xs[i] !== 'number' || Number.isNaN(xs[i])) checkData(owner, `${name}[${i}]`, xs[i]);
  return xs;
}

const sameNumbers = (xs: readonly number[], ys: readonly number[]): boolean => xs.every((x, i) => Object.is(x, ys[i]));

function sameInts(xs: ArrayLike<number>, ys: ArrayLike<number>): boolean {
  if (xs.length !== ys.length) return false;
  for (let i = 0; i < xs.length; i++) if (xs[i] !== ys[i]) return false;
  return true;
}
