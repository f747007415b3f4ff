import { checkOptions, checkSchedule, nonNegative } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How clamp is read from a spec, written and rebuilt. */
export const clampKind = addKind<{ inner: Schedule } & ClampOptions>({
  kind: 'clamp',
  options: ['inner', 'min', 'max'],
  positional: ['inner'],
  defaults: { min: null, max: null },
  nested: { inner: 'one' },
  build: ({ inner, ...options }) => clamp(inner, options),
});

/** Options of {@link clamp}: at least one bound. */
export interface ClampOptions {
  /** The lowest value allowed (finite, >= 0). Default none. */
  readonly min?: number;
  /** The highest value allowed (finite, >= min). Default none. */
  readonly max?: number;
}

/**
 * A schedule kept within `[min, max]` (either bound may be left out):
 *
 *     lr(t) = min(max(inner(t), min), max)
 *
 * @param inner - the schedule to bound
 * @param options - `min` and/or `max`
 * @example
 * const lr = clamp(exponential({ initial: 0.1, rate: 0.9 }), { min: 0.01 });
 * lr(1000); // 0.01
 */
export function clamp(inner: Schedule, options: ClampOptions): Schedule {
  checkSchedule('clamp', 'inner', inner);
  checkOptions('clamp', options, ['min', 'max']);
  const min = options.min === undefined ? null : nonNegative('clamp', 'min', options.min);
  const max = options.max === undefined ? null : nonNegative('clamp', 'max', options.max);
  if (min === null && max === null) throw new TypeError('clamp: options must have min or max, got neither');
  if (min !== null && max !== null && max < min) {
    throw new RangeError(`clamp: max must be >= min (${min}), got ${max}`);
  }
  return makeSchedule({ kind: 'clamp', inner: inner.spec, min, max }, (t) => {
    const value = inner(t);
    if (min !== null && value < min) return min;
    if (max !== null && value > max) return max;
    return value;
  });
}
