import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bce, bceWithLogits, crossEntropy, hinge, nll } from '@etagrad/nn';
import { checkGradient, leaves } from './helpers.js';

const logit = fc.double({ min: -8, max: 8, noNaN: true });
const finite = (xs: number[]) => xs.every(Number.isFinite);

describe('bce', () => {
  test('values: -(t ln p + (1 - t) ln(1 - p))', () => {
    expect(bce(leaves([[0.8]]), [1]).data).toBeCloseTo(-Math.log(0.8), 15);
    expect(bce(leaves([[0.8]]), [0]).data).toBeCloseTo(-Math.log(0.2), 15);
    expect(bce(leaves([[0.8]]), [0.3]).data).toBeCloseTo(-(0.3 * Math.log(0.8) + 0.7 * Math.log(0.2)), 15);
    expect(bce(leaves([[0.8], [0.8]]), [1, 0], { reduction: 'sum' }).data).toBeCloseTo(-Math.log(0.8) - Math.log(0.2), 14);
  });

  test('gradient matches finite differences', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.constantFrom(0, 1, 0.25)), { minLength: 1, maxLength: 5 }), (pairs) =>
        checkGradient(bce, pairs.map(([p]) => [p]), pairs.map(([, t]) => t), {}, 1e-4),
      ),
      { numRuns: 30 },
    );
  });

  test('clamped at probabilities 0 and 1: at most 100 per output, finite gradients', () => {
    // p = 0, t = 1: -ln(max(0, e^-100)) = 100; p = 1, t = 1: -ln 1 = 0; p = 1, t = 0: -ln(max(0, e^-100)) = 100
    const out = leaves([[0], [1], [1], [0]]);
    const loss = bce(out, [1, 1, 0, 0], { reduction: 'sum' });
    expect(loss.data).toBeCloseTo(200, 10);
    loss.backward();
    expect(finite(out.map((r) => r[0]!.grad))).toBe(true);
  });

  test('outputs must be probabilities, targets labels in [0, 1]', () => {
    expect(() => bce(leaves([[1.2]]), [1])).toThrow(new RangeError('bce: outputs[0][0] must be a probability in [0, 1], got 1.2'));
    expect(() => bce(leaves([[0.5], [-0.1]]), [1, 0])).toThrow(new RangeError('bce: outputs[1][0] must be a probability in [0, 1], got -0.1'));
    expect(() => bce(leaves([[0.5]]), [2])).toThrow(new RangeError('bce: targets[0] must be a label in [0, 1], got 2'));
  });
});

describe('bceWithLogits', () => {
  test('values: softplus(z) - t z', () => {
    expect(bceWithLogits(leaves([[0]]), [1]).data).toBeCloseTo(Math.LN2, 15); // ln(1 + e^0)
    expect(bceWithLogits(leaves([[2]]), [0]).data).toBeCloseTo(Math.log(1 + Math.exp(2)), 15);
    expect(bceWithLogits(leaves([[1]]), [0.25]).data).toBeCloseTo(Math.log(1 + Math.E) - 0.25, 15);
  });

  test('equals bce of the sigmoid', () => {
    fc.assert(
      fc.property(logit, fc.constantFrom(0, 1, 0.5), (z, t) => {
        expect(bceWithLogits(leaves([[z]]), [t]).data).toBeCloseTo(bce([leaves([[z]])[0]!.map((v) => v.sigmoid())], [t]).data, 9);
      }),
      { numRuns: 50 },
    );
  });

  test('gradient matches finite differences (and is sigmoid(z) - t)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(logit, fc.constantFrom(0, 1, 0.3)), { minLength: 1, maxLength: 5 }), (pairs) =>
        checkGradient(bceWithLogits, pairs.map(([z]) => [z]), pairs.map(([, t]) => t)),
      ),
      { numRuns: 30 },
    );
  });

  test('stable for logits of ±1000: the loss grows linearly, gradients are ±1', () => {
    // z = 1000, t = 0: softplus(1000) = 1000; z = -1000, t = 1: softplus(1000) = 1000; right answers cost 0
    const out = leaves([[1000], [-1000], [1000], [-1000]]);
    const loss = bceWithLogits(out, [0, 1, 1, 0], { reduction: 'sum' });
    expect(loss.data).toBe(2000);
    loss.backward();
    expect(out.map((r) => r[0]!.grad)).toEqual([1, -1, 0, 0]); // sigmoid(z) - t
  });
});

describe('crossEntropy', () => {
  test('values: logSumExp(z) - z_c', () => {
    expect(crossEntropy(leaves([[0, 0, 0]]), [2]).data).toBeCloseTo(Math.log(3), 15); // uniform over 3
    expect(crossEntropy(leaves([[1, 2, 3]]), [0]).data).toBeCloseTo(Math.log(Math.E + Math.E ** 2 + Math.E ** 3) - 1, 14);
    // two rows: ln 3 and ln 2, mean (ln 3 + ln 2) / 2
    expect(crossEntropy(leaves([[0, 0, 0], [5, 5, -Infinity]]), [0, 1]).data).toBeCloseTo((Math.log(3) + Math.log(2)) / 2, 14);
  });

  test('soft targets: sum_j p_j (logSumExp(z) - z_j)', () => {
    // [1, 0] on logits [0, 0]: ln 2; [0.5, 0.5] on [2, 0]: lse - (2 + 0) / 2 = ln(e^2 + 1) - 1
    expect(crossEntropy(leaves([[0, 0]]), [[1, 0]]).data).toBeCloseTo(Math.LN2, 15);
    expect(crossEntropy(leaves([[2, 0]]), [[0.5, 0.5]]).data).toBeCloseTo(Math.log(Math.exp(2) + 1) - 1, 14);
  });

  test('gradient matches finite differences (softmax minus one-hot)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(logit, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 4 }), (rows) =>
        checkGradient(crossEntropy, rows.map(([z]) => z), rows.map(([, c]) => c)),
      ),
      { numRuns: 30 },
    );
  });

  test('stable for logits of ±1000', () => {
    // lse([1000, -1000, 0]) = 1000 (the rest underflows); target 1: 1000 - (-1000) = 2000; target 0: 0
    const out = leaves([[1000, -1000, 0], [1000, -1000, 0]]);
    const loss = crossEntropy(out, [1, 0], { reduction: 'sum' });
    expect(loss.data).toBe(2000);
    loss.backward();
    expect(out.map((r) => r.map((v) => v.grad))).toEqual([[1, -1, 0], [0, 0, 0]]);
  });

  test('targets must be class indices or distributions', () => {
    const row = leaves([[0, 0, 0]]);
    expect(() => crossEntropy(row, [1.5])).toThrow(new RangeError('crossEntropy: targets[0] must be a class index in [0, 3), got 1.5'));
    expect(() => crossEntropy(row, [3])).toThrow(new RangeError('crossEntropy: targets[0] must be a class index in [0, 3), got 3'));
    expect(() => crossEntropy(row, [-1])).toThrow(new RangeError('crossEntropy: targets[0] must be a class index in [0, 3), got -1'));
    expect(() => crossEntropy(row, [[0.5, 0.5]])).toThrow(
      new RangeError('crossEntropy: targets[0] must be a class index or 3 probabilities summing to 1, got an array of length 2'),
    );
    expect(() => crossEntropy(row, [[0.5, 0.4, 0]])).toThrow(
      new RangeError('crossEntropy: targets[0] must be a class index or 3 probabilities summing to 1, got a sum of 0.9'),
    );
    expect(() => crossEntropy(leaves([[0]]), [0])).toThrow(new RangeError('crossEntropy: outputs[0] must have at least 2 class scores, got 1'));
  });
});

describe('nll', () => {
  test('values: -row[c]', () => {
    expect(nll(leaves([[-0.5, -1]]), [1]).data).toBe(1);
    expect(nll(leaves([[-0.5, -1], [-2, -0.1]]), [0, 0]).data).toBe(1.25); // (0.5 + 2) / 2
    expect(nll(leaves([[-0.5, -1], [-2, -0.1]]), [0, 0], { reduction: 'sum' }).data).toBe(2.5);
  });

  test('crossEntropy(z) equals nll(log softmax z)', () => {
    fc.assert(
      fc.property(fc.array(logit, { minLength: 2, maxLength: 5 }), fc.nat(), (z, c) => {
        const k = c % z.length;
        const lse = Math.log(z.reduce((a, v) => a + Math.exp(v), 0));
        expect(nll(leaves([z.map((v) => v - lse)]), [k]).data).toBeCloseTo(crossEntropy(leaves([z]), [k]).data, 9);
      }),
      { numRuns: 50 },
    );
  });

  test('gradient matches finite differences', () => {
    checkGradient(nll, [[-0.5, -1, -3]], [2]);
  });

  test('targets must be class indices', () => {
    expect(() => nll(leaves([[-1, -1]]), [0.5])).toThrow(new RangeError('nll: targets[0] must be a class index in [0, 2), got 0.5'));
  });
});

describe('hinge', () => {
  test("values: max(0, 1 - y * score), label 0 read as -1 (micrograd's demo)", () => {
    expect(hinge(leaves([[0.3]]), [1]).data).toBeCloseTo(0.7, 15);
    expect(hinge(leaves([[0.3]]), [-1]).data).toBeCloseTo(1.3, 15);
    expect(hinge(leaves([[0.3]]), [0]).data).toBeCloseTo(1.3, 15);
    expect(hinge(leaves([[2]]), [1]).data).toBe(0); // beyond the margin
    expect(hinge(leaves([[0.3], [2]]), [1, 1], { reduction: 'sum' }).data).toBeCloseTo(0.7, 15);
  });

  test('gradient matches finite differences away from the margin', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(logit, fc.constantFrom(-1, 0, 1)), { minLength: 1, maxLength: 5 }), (pairs) => {
        fc.pre(pairs.every(([s, y]) => Math.abs(1 - (y === 1 ? 1 : -1) * s) > 1e-3));
        checkGradient(hinge, pairs.map(([s]) => [s]), pairs.map(([, y]) => y));
      }),
      { numRuns: 30 },
    );
  });

  test('labels must be -1, 0 or 1', () => {
    expect(() => hinge(leaves([[0.3]]), [2])).toThrow(new RangeError('hinge: targets[0] must be a label -1, 0 or 1, got 2'));
  });
});
