import { checkOptions, checkSchedule, nonNegative } from './check.js';
import { defineSchedule } from './define-schedule.js';
import type { Schedule } from './types.js';

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
 * @param inner - the schedule whose rates are bounded
 * @param options - the bounds `min` and `max`, either may be left out (see {@link ClampOptions})
 * @example
 * const lr = clamp(exponential({ initial: 0.1, rate: 0.9 }), { min: 0.01 });
 * lr(1000); // 0.01
 */
export function clamp(inner: Schedule, options: ClampOptions): Schedule {
  checkSchedule('clamp', 'inner', inner);
  checkOptions('clamp', options);
  const min = options.min === undefined ? null : nonNegative('clamp', 'min', options.min);
  const max = options.max === undefined ? null : nonNegative('clamp', 'max', options.max);
  if (min === null && max === null) throw new TypeError('clamp: options must have min or max, got neither');
  if (min !== null && max !== null && max < min) {
    throw new RangeError(`clamp: max must be >= min (${min}), got ${max}`);
  }
  return defineSchedule({ kind: 'clamp', inner: inner.spec, min, max }, (t) => {
    const value = inner(t);
    if (min !== null && value < min) return min;
    if (max !== null && value > max) return max;
    return value;
  });
}
