import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { bce, ELU, Softplus } from '@etagrad/nn';

// Where nn gives other numbers than PyTorch on purpose (the README's "Where we depart from
// PyTorch"). Each expected number is worked from the formula, not copied from a run.

describe('bce at p = 0 or 1: the derivative of the clamped loss, not PyTorch backward formula', () => {
  // PyTorch's BCELoss backward is (p - t) / max(p(1 - p), 1e-12): -1e12 at (p, t) = (0, 1), 1e12 at
  // (1, 0), and 0 at (0, 0) and (1, 1). Ours differentiates what the forward computes,
  // -(t ln max(p, e^-100) + (1 - t) ln max(1 - p, e^-100)).
  const gradAt = (p: number, t: number): number => {
    const output = new Value(p);
    bce([[output]], [t], { reduction: 'sum' }).backward();
    return output.grad;
  };

  test('a clamped log gets no gradient: 0 where PyTorch gives -1e12 or 1e12', () => {
    expect(gradAt(0, 1)).toBe(0);
    expect(gradAt(1, 0)).toBe(0);
  });

  test('an unclamped log keeps its true slope: d/dp -ln(1 - p) = 1 at p = 0 and d/dp -ln p = -1 at p = 1, where PyTorch gives 0', () => {
    expect(gradAt(0, 0)).toBe(1);
    expect(gradAt(1, 1)).toBe(-1);
  });

  test('the loss itself is PyTorch clamp: 100 for a confident wrong answer', () => {
    expect(bce([[new Value(0)]], [1]).data).toBe(100);
  });
});

test('softplus above 20 stays exact, x + ln(1 + e^-x), where PyTorch returns x with slope 1', () => {
  const x = new Value(21);
  const [y] = new Softplus().forward([x]);
  y!.backward();
  // ln(1 + e^-21) = e^-21 - e^-42/2 + ... = 7.5825604e-10 (to 8 digits); slope sigmoid(21) = 1 - 7.5825604e-10
  expect(y!.data - 21).toBeCloseTo(7.5825604e-10, 14); // within 21's ulp, 3.6e-15
  expect(1 - x.grad).toBeCloseTo(7.5825604e-10, 15);
});

test('ELU near 0 uses expm1: alpha (e^x - 1) to full precision, where exp(x) - 1 loses 8 digits', () => {
  // expm1(-1e-10) = -1e-10 + 1e-20/2 - ... = -9.9999999995e-11; PyTorch 1.13 computed
  // exp(-1e-10) - 1 = -1.000000082740371e-10 in float64, 8.3e-8 off relatively.
  const [y] = new ELU().forward([-1e-10]);
  expect(Math.abs(y!.data - -9.9999999995e-11) / 1e-10).toBeLessThan(1e-15);
  const [z] = new ELU({ alpha: 2 }).forward([-1e-15]);
  expect(Math.abs(z!.data - 2 * -9.999999999999995e-16) / 2e-15).toBeLessThan(1e-15);
});
