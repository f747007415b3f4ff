import fc from 'fast-check';
import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { accuracy, bce, bceWithLogits, binaryAccuracy, crossEntropy, hinge, huber, mae, mse, nll, type Loss } from '@etagrad/nn';
import { leaves } from './helpers.js';

const oneOutput: [string, Loss][] = [['mse', mse], ['mae', mae], ['huber', huber], ['bce', bce], ['bceWithLogits', bceWithLogits], ['hinge', hinge]];
const all: [string, Loss][] = [...oneOutput, ['crossEntropy', crossEntropy], ['nll', nll]];

describe('every loss', () => {
  test("'sum' is n times 'mean' for one output per row; the default is 'mean'", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: 1, maxLength: 8 }), (ps) => {
        for (const [, loss] of oneOutput) {
          const rows = ps.map((p) => [p]);
          const targets = ps.map((_, i) => i % 2);
          const meanLoss = loss(leaves(rows), targets, { reduction: 'mean' }).data;
          expect(loss(leaves(rows), targets).data).toBe(meanLoss);
          expect(loss(leaves(rows), targets, { reduction: 'sum' }).data).toBeCloseTo(meanLoss * ps.length, 10);
        }
      }),
      { numRuns: 30 },
    );
  });

  test('a single sample is a batch of one', () => {
    expect(mse([[new Value(3)]], [1]).data).toBe(4);
  });

  test('a malformed batch is refused, naming the loss', () => {
    for (const [name, loss] of all) {
      const row = [new Value(0.5), new Value(0.5)];
      expect(() => loss(row as never, [0, 0])).toThrow(new TypeError(`${name}: outputs[0] must be a non-empty array of Values (one row per sample), got an object`));
      expect(() => loss('x' as never, [0])).toThrow(new TypeError(`${name}: outputs must be an array of rows (one per sample), got 'x'`));
      expect(() => loss([row], 0 as never)).toThrow(new TypeError(`${name}: targets must be an array (one per sample), got 0`));
      expect(() => loss([], [])).toThrow(new RangeError(`${name}: outputs must have at least one row, got 0`));
      expect(() => loss([row, row], [0])).toThrow(new RangeError(`${name}: targets must have one entry per row of outputs (2), got 1`));
      expect(() => loss([[new Value(0.5), 0.5 as never]], [0])).toThrow(new TypeError(`${name}: outputs[0][1] must be a Value, got 0.5`));
      expect(() => loss([[new Value(0.5)]], [0], { reduction: 'avg' as never })).toThrow(
        new RangeError(`${name}: reduction must be one of 'mean', 'sum', 'none', got 'avg'`),
      );
      expect(() => loss([[new Value(0.5)]], [0], 'sum' as never)).toThrow(new TypeError(`${name}: options must be an object, got 'sum'`));
    }
  });

  test('elementwise losses match targets to outputs', () => {
    for (const [name, loss] of oneOutput) {
      const row = [new Value(0.5), new Value(0.5)];
      expect(() => loss([row], [1])).toThrow(new RangeError(`${name}: targets[0] must be an array of 2 numbers (one per output), got 1`));
      expect(() => loss([row], [[1]])).toThrow(new TypeError(`${name}: targets[0] must be an array of 2 numbers (one per output), got an array of length 1`));
      expect(() => loss([[new Value(0.5)]], ['1' as never])).toThrow(
        new TypeError(`${name}: targets[0] must be a number or an array of 1 numbers (one per output), got '1'`),
      );
    }
  });

  test('a target that is not a number is a TypeError wherever it sits, as a bare target already is', () => {
    // TypeError for a wrong type, RangeError for a number out of range (STYLE.md, "Errors are API")
    const two = [new Value(0.5), new Value(0.5)];
    for (const [name, loss] of oneOutput) {
      expect(() => loss([two], [['1', 0] as never])).toThrow(new TypeError(`${name}: targets[0][0] must be a number, got '1'`));
    }
    expect(() => crossEntropy([two], ['1' as never])).toThrow(new TypeError("crossEntropy: targets[0] must be a class index in [0, 2), got '1'"));
    expect(() => crossEntropy([two], [null as never])).toThrow(new TypeError('crossEntropy: targets[0] must be a class index in [0, 2), got null'));
    expect(() => crossEntropy([two], [[0.5, '0.5'] as never])).toThrow(new TypeError("crossEntropy: targets[0][1] must be a probability in [0, 1], got '0.5'"));
    expect(() => nll([two], [true as never])).toThrow(new TypeError('nll: targets[0] must be a class index in [0, 2), got true'));
    expect(() => accuracy([two], ['0' as never])).toThrow(new TypeError("accuracy: targets[0] must be a class index in [0, 2), got '0'"));
    expect(() => binaryAccuracy([[two[0]!]], ['1' as never])).toThrow(new TypeError("binaryAccuracy: targets[0] must be a label -1, 0 or 1, got '1'"));
    // numbers out of range stay RangeErrors
    expect(() => crossEntropy([two], [[0.5, 1.5]])).toThrow(new RangeError('crossEntropy: targets[0][1] must be a probability in [0, 1], got 1.5'));
    expect(() => mse([two], [[Infinity, 0]])).toThrow(new RangeError('mse: targets[0][0] must be a finite number, got Infinity'));
  });
});
