import { Value } from '@etagrad/autograd';
import type { Loss } from '@etagrad/nn';

/** Leaves for a batch of output rows. */
export const leaves = (rows: readonly (readonly number[])[]): Value[][] => rows.map((row) => row.map((x) => new Value(x)));

/**
 * Checks the gradient autograd gives each output of `loss` against central differences
 * (h = 1e-6): `(L(x + h) - L(x - h)) / 2h`, within `tolerance` relative to max(1, |grad|).
 */
export function checkGradient(
  loss: Loss,
  rows: readonly (readonly number[])[],
  targets: readonly (number | readonly number[])[],
  options: { readonly reduction?: 'mean' | 'sum' } = {},
  tolerance = 1e-5,
): void {
  const outputs = leaves(rows);
  loss(outputs, targets, options).backward();
  const h = 1e-6;
  rows.forEach((row, i) =>
    row.forEach((_, j) => {
      const at = (delta: number) => loss(leaves(rows.map((r, a) => r.map((x, b) => (a === i && b === j ? x + delta : x)))), targets, options).data;
      const numeric = (at(h) - at(-h)) / (2 * h);
      const analytic = outputs[i]![j]!.grad;
      if (Math.abs(numeric - analytic) > tolerance * Math.max(1, Math.abs(analytic))) {
        throw new Error(`gradient of output [${i}][${j}]: autograd ${analytic}, finite differences ${numeric}`);
      }
    }),
  );
}
