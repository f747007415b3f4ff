import { checkFunction, checkString } from '@etagrad/check';
import { checkOptions, finiteRate, mustBe } from './check.js';
import { makeSchedule, type KindSpec } from './define-schedule.js';
import type { Schedule } from './types.js';

/** Options of {@link fromFunction}. */
export interface FromFunctionOptions {
  /** What to call the schedule in charts and errors (a non-empty string). */
  readonly name: string;
}

/**
 * A schedule from a plain function of the step (PyTorch's LambdaLR, with the rate itself in place
 * of a factor): usable everywhere a schedule is (optimizers, `warmup`, `join`, `scale`, plots).
 * Its rate at each step must be a finite number (else a `RangeError` naming the step). A function
 * cannot be saved: `format`, optim's `stateDict(optimizer)` and so every checkpoint refuse a
 * schedule that holds one, naming it; `registerKind` makes a kind that can be saved.
 *
 * @param fn - the rate at step `t` (completed updates, from 0)
 * @param options - `name`, what to call it
 * @example
 * const lr = fromFunction((t) => 0.1 / (1 + t) ** 0.5, { name: 'rsqrt' });
 * const optimizer = new SGD(model.parameters(), { lr: warmup(lr, { steps: 100 }) });
 */
export function fromFunction(fn: (step: number) => number, options: FromFunctionOptions): Schedule {
  const owner = 'fromFunction';
  const f = checkFunction<(step: number) => number>(owner, 'fn', fn);
  checkOptions(owner, options, ['name']);
  const name = checkString(owner, 'name', options.name);
  if (name === '') throw mustBe(owner, 'name', 'a non-empty string', "''", RangeError);
  // 'fromFunction' is a reserved kind, known to format and the readers, which refuse it.
  return makeSchedule({ kind: 'fromFunction', name } as unknown as KindSpec, (t) => finiteRate(name, t, f(t)));
}
