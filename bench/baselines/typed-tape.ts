// A sketch of the eager engine design issue 11's eager targets call for (bench/README.md, "A
// graph in typed arrays"): not @etagrad/autograd, and only the ops of micrograd's moons step.
// Each pass (forward to backward) records its graph in one tape of typed arrays (numbers,
// gradients, op codes, operand slots); a `TapeValue` is a handle (the tape, a slot), garbage as
// soon as the model code drops it, so that the collector never copies the graph. Leaves keep
// their own numbers and take a slot in a pass's tape when first used there. Operand lists of the
// n-ary ops are listed once per pass and array (the engine keeps the arrays: do not change them).
// No checks and no NaN rules: a measurement of the design, not an engine to use.

const LEAF = 0;
const ADD = 1;
const ADD_NUMBER = 2;
const MUL = 3;
const MUL_NUMBER = 4;
const RELU = 5;
const DOT = 6;
const SUM = 7;
const MEAN = 8;

/** Doubles the length of a typed array, keeping its values. */
function grown<A extends Float64Array | Int32Array | Uint8Array>(array: A, length: number): A {
  const next = new (array.constructor as new (n: number) => A)(length);
  next.set(array);
  return next;
}

/** One pass's graph: slot i holds a number, its gradient, its op and its operands (a, b, c). */
class Tape {
  data: Float64Array;
  grad: Float64Array;
  op: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  size = 0;
  /** Operand lists: slots, or -1 for a number (held in `numbers` at the same index). */
  args: Int32Array;
  numbers: Float64Array;
  listed = 0;
  /** Where each array's list starts in `args` (weakly: the tape keeps no array alive). */
  readonly lists = new WeakMap<readonly unknown[], number>();
  /** The leaves that took a slot, to hand their gradients back. */
  readonly leaves: TapeLeaf[] = [];

  constructor(slots: number, args: number) {
    this.data = new Float64Array(slots);
    this.grad = new Float64Array(slots);
    this.op = new Uint8Array(slots);
    this.a = new Int32Array(slots);
    this.b = new Int32Array(slots);
    this.c = new Int32Array(slots);
    this.args = new Int32Array(args);
    this.numbers = new Float64Array(args);
  }

  /** A new slot holding `value`, made by `op` on `a`, `b`, `c`. */
  push(op: number, value: number, a: number, b: number, c: number): number {
    if (this.size === this.data.length) {
      const length = 2 * this.size;
      this.data = grown(this.data, length);
      this.grad = grown(this.grad, length);
      this.op = grown(this.op, length);
      this.a = grown(this.a, length);
      this.b = grown(this.b, length);
      this.c = grown(this.c, length);
    }
    const i = this.size++;
    this.data[i] = value;
    this.op[i] = op;
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
    return i;
  }

  /** Where the slots of `xs` are listed in `args` (listed now if this pass has not yet). */
  list(xs: readonly (TapeValue | number)[]): number {
    const known = this.lists.get(xs);
    if (known !== undefined) return known;
    const start = this.room(xs.length);
    xs.forEach((x, k) => {
      if (typeof x === 'number') {
        this.args[start + k] = -1;
        this.numbers[start + k] = x;
      } else this.args[start + k] = slotOf(x, this);
    });
    this.lists.set(xs, start);
    return start;
  }

  /** Where the number operand `x` of a binary op is kept in `numbers`. */
  number(x: number): number {
    const at = this.room(1);
    this.args[at] = -1;
    this.numbers[at] = x;
    return at;
  }

  /** The start of `n` new entries of `args` and `numbers`. */
  private room(n: number): number {
    const start = this.listed;
    if (start + n > this.args.length) {
      const length = Math.max(2 * this.args.length, start + n);
      this.args = grown(this.args, length);
      this.numbers = grown(this.numbers, length);
    }
    this.listed = start + n;
    return start;
  }
}

let tape = new Tape(1024, 1024);

/** A value of the sketch: a handle on its slot in a pass's tape. */
export class TapeValue {
  tape: Tape | null;
  slot: number;

  constructor(tape: Tape | null, slot: number) {
    this.tape = tape;
    this.slot = slot;
  }

  get data(): number {
    return (this.tape as Tape).data[this.slot] as number;
  }

  get grad(): number {
    return (this.tape as Tape).grad[this.slot] as number;
  }

  add(other: TapeValue | number): TapeValue {
    const t = tape;
    const a = slotOf(this, t);
    if (typeof other === 'number') return new TapeValue(t, t.push(ADD_NUMBER, (t.data[a] as number) + other, a, t.number(other), 0));
    const b = slotOf(other, t);
    return new TapeValue(t, t.push(ADD, (t.data[a] as number) + (t.data[b] as number), a, b, 0));
  }

  mul(other: TapeValue | number): TapeValue {
    const t = tape;
    const a = slotOf(this, t);
    if (typeof other === 'number') return new TapeValue(t, t.push(MUL_NUMBER, (t.data[a] as number) * other, a, t.number(other), 0));
    const b = slotOf(other, t);
    return new TapeValue(t, t.push(MUL, (t.data[a] as number) * (t.data[b] as number), a, b, 0));
  }

  relu(): TapeValue {
    const t = tape;
    const a = slotOf(this, t);
    const x = t.data[a] as number;
    return new TapeValue(t, t.push(RELU, x > 0 ? x : 0, a, 0, 0));
  }

  /** Hands gradient 1 down from this value through its pass's tape, then starts a new pass. */
  backward(): void {
    backward(this);
  }
}

/** A leaf: its numbers are its own; a pass's tape holds a copy from its first use there. */
export class TapeLeaf extends TapeValue {
  value: number;
  gradient = 0;

  constructor(value: number) {
    super(null, -1);
    this.value = value;
  }

  override get data(): number {
    return this.value;
  }

  override get grad(): number {
    return this.gradient;
  }
}

/** The slot of `x` in `t`: its own, or, for a leaf first used in this pass, a new one. */
function slotOf(x: TapeValue, t: Tape): number {
  if (x.tape === t) return x.slot;
  if (!(x instanceof TapeLeaf)) throw new Error('typed-tape sketch: a value of an earlier pass');
  x.tape = t;
  x.slot = t.push(LEAF, x.value, 0, 0, 0);
  t.leaves.push(x);
  return x.slot;
}

/** `Σ ws[k]·xs[k]` as one node. */
export function dot(ws: readonly TapeValue[], xs: readonly (TapeValue | number)[]): TapeValue {
  const t = tape;
  const w = t.list(ws);
  const x = t.list(xs);
  const { args, numbers, data } = t;
  let total = 0;
  for (let k = 0; k < ws.length; k++) {
    const slot = args[x + k] as number;
    total += (data[args[w + k] as number] as number) * (slot < 0 ? (numbers[x + k] as number) : (data[slot] as number));
  }
  return new TapeValue(t, t.push(DOT, total, w, x, ws.length));
}

function reduce(op: typeof SUM | typeof MEAN, values: readonly TapeValue[]): TapeValue {
  const t = tape;
  const start = t.list(values);
  let total = 0;
  for (let k = 0; k < values.length; k++) total += t.data[t.args[start + k] as number] as number;
  return new TapeValue(t, t.push(op, op === MEAN ? total / values.length : total, start, values.length, 0));
}

/** `Σ values` as one node. */
export const sum = (values: readonly TapeValue[]): TapeValue => reduce(SUM, values);

/** `Σ values / n` as one node. */
export const mean = (values: readonly TapeValue[]): TapeValue => reduce(MEAN, values);

/** The creation-order walk down the root's tape, then the leaves' gradients handed back. */
function backward(root: TapeValue): void {
  const t = root.tape as Tape;
  const { data, grad, op, a, b, c, args, numbers } = t;
  grad[root.slot] = 1;
  for (let i = root.slot; i >= 0; i--) {
    const g = grad[i] as number;
    if (g === 0) continue;
    const x = a[i] as number;
    const y = b[i] as number;
    switch (op[i]) {
      case ADD:
        grad[x] = (grad[x] as number) + g;
        grad[y] = (grad[y] as number) + g;
        break;
      case ADD_NUMBER:
        grad[x] = (grad[x] as number) + g;
        break;
      case MUL:
        grad[x] = (grad[x] as number) + g * (data[y] as number);
        grad[y] = (grad[y] as number) + g * (data[x] as number);
        break;
      case MUL_NUMBER:
        grad[x] = (grad[x] as number) + g * (numbers[y] as number);
        break;
      case RELU:
        if ((data[i] as number) > 0) grad[x] = (grad[x] as number) + g;
        break;
      case DOT:
        for (let k = 0; k < (c[i] as number); k++) {
          const w = args[x + k] as number;
          const v = args[y + k] as number;
          if (v < 0) grad[w] = (grad[w] as number) + g * (numbers[y + k] as number);
          else {
            grad[w] = (grad[w] as number) + g * (data[v] as number);
            grad[v] = (grad[v] as number) + g * (data[w] as number);
          }
        }
        break;
      case SUM:
      case MEAN: {
        const share = op[i] === MEAN ? g / y : g;
        for (let k = 0; k < y; k++) grad[args[x + k] as number] = (grad[args[x + k] as number] as number) + share;
        break;
      }
      default:
        break;
    }
  }
  for (const leaf of t.leaves) leaf.gradient += grad[leaf.slot] as number;
  // a new pass gets a new tape of this one's size; this pass's handles keep theirs
  tape = new Tape(Math.max(1024, t.size), Math.max(1024, t.listed));
}

/** Op nodes (leaves' slots excluded) in the tape of `value`'s pass. */
export function opNodes(value: TapeValue): number {
  const t = value.tape as Tape;
  let count = 0;
  for (let i = 0; i < t.size; i++) if (t.op[i] !== LEAF) count++;
  return count;
}
