// The kind table: for every kind, its options (in spec order), which are written positionally
// in an expression, and how to build it. `fromSpec`, `format` and `parse` read only this table,
// so adding a kind is one entry here (and tsc fails until it is added: `satisfies`).

import { clamp } from './clamp.js';
import { constant } from './constant.js';
import { cosineRestarts } from './cosine-restarts.js';
import { cosine } from './cosine.js';
import { cyclic, cyclicShapes } from './cyclic.js';
import { exponential } from './exponential.js';
import {
  booleanField,
  choiceField,
  numberField,
  numbersField,
  optionalNumberField,
  scheduleField,
  schedulesField,
  type Field,
} from './fields.js';
import { join } from './join.js';
import { linear } from './linear.js';
import { multiStep } from './multi-step.js';
import { oneCycle, oneCycleAnneals } from './one-cycle.js';
import { perEpoch } from './per-epoch.js';
import { piecewise } from './piecewise.js';
import { polynomial } from './polynomial.js';
import { repeat } from './repeat.js';
import { scale } from './scale.js';
import { shift } from './shift.js';
import { stepDecay } from './step-decay.js';
import { timeDecay } from './time-decay.js';
import type { Kind, Schedule } from './types.js';
import { warmup, warmupShapes } from './warmup.js';

/** How one kind is read, written and built. */
export interface KindRule<A> {
  /** Options written as positional arguments, in order; the rest go in an options object. */
  readonly positional: readonly (keyof A & string)[];
  /** Every option, in spec order (the order the constructor writes its spec in). */
  readonly fields: { readonly [K in keyof A]-?: Field<A[K]> };
  /** Calls the constructor (which validates ranges). */
  build(args: A): Schedule;
}

/** A kind rule with its argument type forgotten, as the generic readers and writers see it. */
export type AnyKindRule = KindRule<Record<string, unknown>>;

const rule = <A>(r: KindRule<A>): KindRule<A> => r;

/** `{ ...rest, [name]: value }` without the option when `value` is null (a spec's "none"). */
function withoutNull<R extends object, K extends string>(rest: R, name: K, value: number | null) {
  return value === null ? rest : { ...rest, [name]: value };
}

// Options-only kinds have no positional arguments.
const options: readonly never[] = [];

const kindRules = {
  constant: rule({ positional: ['value'], fields: { value: numberField() }, build: (a) => constant(a.value) }),
  linear: rule({
    positional: options,
    fields: { from: numberField(), to: numberField(), steps: numberField() },
    build: (a) => linear(a),
  }),
  timeDecay: rule({
    positional: options,
    fields: { initial: numberField(), rate: numberField(), every: numberField(1), staircase: booleanField(false) },
    build: (a) => timeDecay(a),
  }),
  stepDecay: rule({
    positional: options,
    fields: { initial: numberField(), every: numberField(), factor: numberField(0.5) },
    build: (a) => stepDecay(a),
  }),
  multiStep: rule({
    positional: options,
    fields: { initial: numberField(), milestones: numbersField(), factor: numberField(0.1) },
    build: (a) => multiStep(a),
  }),
  piecewise: rule({
    positional: options,
    fields: { boundaries: numbersField(), values: numbersField() },
    build: (a) => piecewise(a),
  }),
  exponential: rule({
    positional: options,
    fields: {
      initial: numberField(),
      rate: numberField(),
      every: numberField(1),
      staircase: booleanField(false),
      final: optionalNumberField(),
    },
    build: ({ final, ...rest }) => exponential(withoutNull(rest, 'final', final)),
  }),
  polynomial: rule({
    positional: options,
    fields: {
      initial: numberField(),
      final: numberField(0),
      steps: numberField(),
      power: numberField(1),
      cycle: booleanField(false),
    },
    build: (a) => polynomial(a),
  }),
  cosine: rule({
    positional: options,
    fields: { initial: numberField(), steps: numberField(), final: numberField(0) },
    build: (a) => cosine(a),
  }),
  cosineRestarts: rule({
    positional: options,
    fields: {
      initial: numberField(),
      period: numberField(),
      periodMult: numberField(1),
      decay: numberField(1),
      final: numberField(0),
    },
    build: (a) => cosineRestarts(a),
  }),
  cyclic: rule({
    positional: options,
    fields: {
      min: numberField(),
      max: numberField(),
      stepSize: numberField(),
      shape: choiceField(cyclicShapes, 'triangular'),
      gamma: numberField(1),
    },
    build: (a) => cyclic(a),
  }),
  oneCycle: rule({
    positional: options,
    fields: {
      max: numberField(),
      steps: numberField(),
      pctStart: numberField(0.3),
      divFactor: numberField(25),
      finalDivFactor: numberField(1e4),
      anneal: choiceField(oneCycleAnneals, 'cos'),
    },
    build: (a) => oneCycle(a),
  }),
  warmup: rule({
    positional: ['inner'],
    fields: {
      inner: scheduleField(),
      steps: numberField(),
      from: numberField(0),
      shape: choiceField(warmupShapes, 'linear'),
    },
    build: ({ inner, ...rest }) => warmup(inner, rest),
  }),
  join: rule({
    positional: ['schedules', 'boundaries'],
    fields: { schedules: schedulesField(), boundaries: numbersField() },
    build: (a) => join(a.schedules, a.boundaries),
  }),
  scale: rule({
    positional: ['inner', 'factor'],
    fields: { inner: scheduleField(), factor: numberField() },
    build: (a) => scale(a.inner, a.factor),
  }),
  clamp: rule({
    positional: ['inner'],
    fields: { inner: scheduleField(), min: optionalNumberField(), max: optionalNumberField() },
    build: ({ inner, min, max }) => clamp(inner, withoutNull(withoutNull({}, 'min', min), 'max', max)),
  }),
  shift: rule({
    positional: ['inner', 'steps'],
    fields: { inner: scheduleField(), steps: numberField() },
    build: (a) => shift(a.inner, a.steps),
  }),
  repeat: rule({
    positional: ['inner', 'period'],
    fields: { inner: scheduleField(), period: numberField() },
    build: (a) => repeat(a.inner, a.period),
  }),
  perEpoch: rule({
    positional: ['inner', 'stepsPerEpoch'],
    fields: { inner: scheduleField(), stepsPerEpoch: numberField() },
    build: (a) => perEpoch(a.inner, a.stepsPerEpoch),
  }),
} satisfies Record<Kind, { readonly positional: readonly string[]; build(args: never): Schedule }>;

/** The rule for `kind`, or undefined when it is not a kind of this package. */
export function ruleOf(kind: string): AnyKindRule | undefined {
  return Object.hasOwn(kindRules, kind) ? (kindRules[kind as Kind] as unknown as AnyKindRule) : undefined;
}

/** Every kind's name, for messages. */
export const kindNames: readonly string[] = Object.keys(kindRules);
