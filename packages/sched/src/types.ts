/** A JSON value: what a schedule's `spec` is made of, so it survives `JSON.stringify`/`parse`. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/**
 * The plain-JSON description of a schedule: its `kind` (the name of the function that makes it)
 * and every option, defaults included, with nested schedules as their own specs under their
 * option names, e.g. `{ kind: 'warmup', inner: { kind: 'cosine', ... }, steps: 100, from: 0,
 * shape: 'linear' }`. `fromSpec(spec)` rebuilds the schedule.
 */
export interface ScheduleSpec {
  readonly kind: string;
  readonly [field: string]: Json;
}

/**
 * A learning-rate schedule: a pure function of the step `t` (completed optimizer updates,
 * counted from 0; a finite number >= 0, else `RangeError`) that carries its own `spec`.
 *
 * @param step - completed optimizer updates, counted from 0
 * @example
 * const lr = cosine({ initial: 0.1, steps: 900 });
 * lr(450);  // 0.05
 * lr.spec;  // { kind: 'cosine', initial: 0.1, steps: 900, final: 0 }
 */
export type Schedule = ((step: number) => number) & { readonly spec: ScheduleSpec };

/**
 * Every kind of schedule this package makes, one per constructor or combinator. A constructor's
 * kind must be listed here (`defineSchedule` takes only these), and the kind table that
 * `fromSpec`, `format` and `parse` read must have a rule for each (`satisfies Record<Kind, ...>`),
 * so the compiler proves none is missing.
 */
export const scheduleKinds = [
  'constant',
  'linear',
  'timeDecay',
  'stepDecay',
  'multiStep',
  'piecewise',
  'exponential',
  'polynomial',
  'cosine',
  'cosineRestarts',
  'cyclic',
  'oneCycle',
  'inverseSqrt',
  'warmup',
  'join',
  'scale',
  'clamp',
  'shift',
  'repeat',
  'perEpoch',
] as const;

/** The name of one kind of schedule, e.g. `'cosine'`. */
export type Kind = (typeof scheduleKinds)[number];
