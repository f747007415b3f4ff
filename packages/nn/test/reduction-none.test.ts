import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { bce, bceWithLogits, crossEntropy, hinge, huber, mae, mse, nll } from '@etagrad/nn';
import { leaves } from './helpers.js';

describe("reduction: 'none' gives one Value per sample, as PyTorch's reduction='none'", () => {
  test('elementwise losses: the term of each sample', () => {
    const outputs = () => leaves([[3], [0.5], [-1]]);
    const targets = [1, 0, 1];
    expect(mse(outputs(), targets, { reduction: 'none' }).map((v) => v.data)).toEqual([4, 0.25, 4]);
    expect(mae(outputs(), targets, { reduction: 'none' }).map((v) => v.data)).toEqual([2, 0.5, 2]);
    expect(huber(outputs(), targets, { reduction: 'none', delta: 1 }).map((v) => v.data)).toEqual([1.5, 0.125, 1.5]);
    expect(hinge(outputs(), targets, { reduction: 'none' }).map((v) => v.data)).toEqual([0, 1.5, 2]); // max(0, 1 - y s), 0 read as -1
    const p = [0.8, 0.5];
    const ps = bce(leaves([[p[0]!], [p[1]!]]), [1, 0], { reduction: 'none' }).map((v) => v.data);
    expect(ps[0]).toBeCloseTo(-Math.log(0.8), 15);
    expect(ps[1]).toBeCloseTo(-Math.log(0.5), 15);
    const zs = bceWithLogits(leaves([[0], [2]]), [1, 0], { reduction: 'none' }).map((v) => v.data);
    expect(zs[0]).toBeCloseTo(Math.log(2), 15); // softplus(-0)
    expect(zs[1]).toBeCloseTo(Math.log(1 + Math.exp(2)), 15); // softplus(2)
  });

  test('row losses: the term of each row', () => {
    const rows = leaves([[0, 0], [Math.log(3), 0]]);
    const terms = crossEntropy(rows, [0, 1], { reduction: 'none' }).map((v) => v.data);
    expect(terms[0]).toBeCloseTo(Math.log(2), 15); // -ln(1/2)
    expect(terms[1]).toBeCloseTo(Math.log(4), 15); // -ln(1/4)
    expect(nll(leaves([[-1, -2], [-3, -4]]), [1, 0], { reduction: 'none' }).map((v) => v.data)).toEqual([2, 3]);
  });

  test("a row of several outputs gives the mean of its terms, so the mean of the list is the 'mean' loss", () => {
    const rows = [[1, 2], [3, 5]];
    const targets = [[0, 0], [3, 3]];
    const none = mse(leaves(rows), targets, { reduction: 'none' }).map((v) => v.data);
    expect(none).toEqual([(1 + 4) / 2, (0 + 4) / 2]);
    expect((none[0]! + none[1]!) / 2).toBe(mse(leaves(rows), targets).data);
  });

  test('each per-sample Value backpropagates to its own outputs only', () => {
    const outputs = leaves([[3], [0.5]]);
    const [first] = mse(outputs, [1, 0], { reduction: 'none' });
    first!.backward();
    expect(outputs.map((row) => row[0]!.grad)).toEqual([4, 0]); // d/do (o - 1)² = 2(3 - 1)
  });

  test('the default stays one Value', () => {
    expect(mse([[new Value(3)]], [1])).toBeInstanceOf(Value);
  });
});
