import { checkArray, checkOptions, increasingSteps, nonNegative } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How piecewise is read from a spec, written and rebuilt. */
export const piecewiseKind = addKind<PiecewiseOptions>({
  kind: 'piecewise',
  options: ['boundaries', 'values'],
  build: piecewise,
});

/** Options of {@link piecewise}. */
export interface PiecewiseOptions {
  /** Where the value changes: strictly increasing positive integers. */
  readonly boundaries: readonly number[];
  /** The value on each piece (finite, >= 0): one more than there are boundaries. */
  readonly values: readonly number[];
}

/**
 * Piecewise constant (Keras' PiecewiseConstantDecay): `values[i]` on the i-th piece,
 *
 *     lr(t) = values[i],   boundaries[i-1] <= t < boundaries[i]
 *
 * (with `boundaries[-1] = 0` and `boundaries[n] = infinity`).
 *
 * @param options - `boundaries` and `values`
 * @example
 * const lr = piecewise({ boundaries: [100, 200], values: [0.1, 0.05, 0.01] });
 * lr(99); lr(100); lr(200); // 0.1, 0.05, 0.01
 */
export function piecewise(options: PiecewiseOptions): Schedule {
  checkOptions('piecewise', options, piecewiseKind.options);
  const boundaries = increasingSteps('piecewise', 'boundaries', options.boundaries);
  const values = checkArray('piecewise', 'values', options.values).map((v, i) =>
    nonNegative('piecewise', `values[${i}]`, v),
  );
  if (values.length !== boundaries.length + 1) {
    throw new RangeError(
      `piecewise: values must have boundaries.length + 1 = ${boundaries.length + 1} entries, got ${values.length}`,
    );
  }
  return makeSchedule({ kind: 'piecewise', boundaries, values }, (t) => {
    let piece = 0;
    for (const b of boundaries) if (b <= t) piece += 1;
    return values[piece] ?? Number.NaN; // piece <= boundaries.length < values.length by the check above
  });
}
