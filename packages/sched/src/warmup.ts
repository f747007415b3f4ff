import { checkChoice, checkOptions, checkSchedule, nonNegative, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How warmup is read from a spec, written and rebuilt. */
export const warmupKind = addKind<{ inner: Schedule } & WarmupOptions>({
  kind: 'warmup',
  options: ['inner', 'steps', 'from', 'shape'],
  positional: ['inner'],
  defaults: { from: 0, shape: 'linear' },
  nested: { inner: 'one' },
  build: ({ inner, ...options }) => warmup(inner, options),
});

/** How {@link warmup} ramps up: a straight line, a half cosine, or a geometric (exponential) curve. */
export const warmupShapes = ['linear', 'cosine', 'exponential'] as const;
/** One of {@link warmupShapes}. */
export type WarmupShape = (typeof warmupShapes)[number];

/** Options of {@link warmup}. */
export interface WarmupOptions {
  /** Length of the ramp in steps (a positive integer). */
  readonly steps: number;
  /** The learning rate at step 0 (finite, >= 0; > 0 for the exponential shape). Default 0. */
  readonly from?: number;
  /** The ramp's shape. Default `'linear'`. */
  readonly shape?: WarmupShape;
}

/**
 * Warm up: ramp from `from` (default 0) to `inner(0)` over `steps` steps, then run `inner`
 * shifted by `steps` (the usual Adam/transformer warmup; `inner` starts when the ramp ends):
 *
 *     p = t / steps,  target = inner(0)
 *     linear:       lr(t) = from + (target - from) * p                        t < steps
 *     cosine:       lr(t) = from + (target - from) * (1 - cos(pi * p)) / 2     t < steps
 *     exponential:  lr(t) = from * (target / from)^p                          t < steps
 *     lr(t) = inner(t - steps)                                                t >= steps
 *
 * @param inner - the schedule that runs after the ramp
 * @param options - `steps`, and optionally `from`, `shape`
 * @example
 * const lr = warmup(cosine({ initial: 1, steps: 900 }), { steps: 100 });
 * lr(0); lr(50); lr(100); lr(1000); // 0, 0.5, 1, 0
 */
export function warmup(inner: Schedule, options: WarmupOptions): Schedule {
  checkSchedule('warmup', 'inner', inner);
  checkOptions('warmup', options, ['steps', 'from', 'shape']);
  const steps = positiveInteger('warmup', 'steps', options.steps);
  const from = nonNegative('warmup', 'from', options.from ?? 0);
  const shape = checkChoice('warmup', 'shape', options.shape ?? 'linear', warmupShapes);
  const target = inner(0);
  if (shape === 'exponential') {
    if (from <= 0) throw new RangeError(`warmup: from must be > 0 for shape 'exponential', got ${from}`);
    if (!(target > 0)) {
      throw new RangeError(`warmup: inner(0) must be > 0 for shape 'exponential', got ${target}`);
    }
  }
  const ramp = rampFunctions[shape];
  return makeSchedule({ kind: 'warmup', inner: inner.spec, steps, from, shape }, (t) =>
    t >= steps ? inner(t - steps) : ramp(from, target, t / steps),
  );
}

// p in [0, 1): the fraction of the ramp done.
const rampFunctions = {
  linear: (from, target, p) => from + (target - from) * p,
  cosine: (from, target, p) => from + ((target - from) * (1 - Math.cos(Math.PI * p))) / 2,
  exponential: (from, target, p) => from * (target / from) ** p,
} satisfies Record<WarmupShape, (from: number, target: number, p: number) => number>;
