import { MLP, bceWithLogits, crossEntropy, mse, rng, type Module } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import { fit } from '../src/fit.js';
import type { FitOptions } from '../src/fit-options.js';
import { line, lineModel, weights } from './line-fixture.js';

// Issue 9 §4: the data are checked before the first update, naming the row of the user's data.

const three = () => new MLP(2, [4, 3], { rng: rng(1) });

function refused(options: Partial<FitOptions>, error: Error, model: Module = lineModel()): void {
  const before = model.parameters().map((p) => p.data);
  const base: FitOptions = { data: line, loss: mse, optimizer: new SGD(model.parameters(), { lr: 0.1 }), epochs: 2 };
  expect(() => fit(model, { ...base, ...options } as FitOptions)).toThrow(error);
  expect(model.parameters().map((p) => p.data)).toEqual(before);
}

describe('fit checks the data before the first update', () => {
  test('a NaN in a row is refused by its row and column', () => {
    const x = Array.from({ length: 400 }, (_, i) => [i / 400]);
    x[350] = [Number.NaN];
    refused({ data: { x, y: x.map(() => 1) } }, new RangeError('fit: data.x[350][0] must be a finite number, got NaN'));
  });

  test('Infinity in a target, and in validation data', () => {
    refused({ data: { x: [[1], [2]], y: [1, Infinity] } }, new RangeError('fit: data.y[1] must be a finite number, got Infinity'));
    refused({ validation: { x: [[1], [-Infinity]], y: [1, 2] } }, new RangeError('fit: validation.x[1][0] must be a finite number, got -Infinity'));
  });

  test('a ragged row is refused', () => {
    refused({ data: { x: [[1], [2, 3]], y: [1, 2] } }, new RangeError('fit: data.x[1] must have 1 features, as data.x[0] has, got 2'));
    refused({ data: { x: [[1], 'ab' as never], y: [1, 2] } }, new TypeError("fit: data.x[1] must be an array of features, got 'ab'"));
  });

  test('y of another length than x is refused', () => {
    refused({ data: { x: [[1], [2]], y: [1] } }, new RangeError('fit: data.y must have one target per row of data.x (2), got 1'));
  });

  test('class labels out of range or not integers are refused for class losses', () => {
    const x = [[0, 0], [1, 1], [2, 2]];
    refused({ data: { x, y: [0, 3, 1] }, loss: crossEntropy }, new RangeError('fit: data.y[1] must be a class index, an integer in [0, 3) for crossEntropy, got 3'), three());
    refused({ data: { x, y: [0, 1, 1.5] }, loss: crossEntropy }, new RangeError('fit: data.y[2] must be a class index, an integer in [0, 3) for crossEntropy, got 1.5'), three());
    refused({ data: { x, y: [0, 2, 1] }, loss: bceWithLogits }, new RangeError('fit: data.y[1] must be a label in [0, 1] for bceWithLogits, got 2'), new MLP(2, [1], { rng: rng(1) }));
  });

  test('evaluate checks its data the same way', () => {
    expect(() => evaluate(three(), { x: [[0, 0], [1, Number.NaN]], y: [0, 1] })).toThrow(
      new RangeError('evaluate: data.x[1][1] must be a finite number, got NaN'),
    );
    expect(() => evaluate(three(), { x: [[0, 0]], y: [5] }, { loss: crossEntropy })).toThrow(
      new RangeError('evaluate: data.y[0] must be a class index, an integer in [0, 3) for crossEntropy, got 5'),
    );
    expect(() => evaluate(three(), { x: [[0, 0]], y: [0] }, { los: crossEntropy } as never)).toThrow(
      new TypeError("evaluate: unknown option 'los' (did you mean 'loss'?); options are metrics, loss"),
    );
  });
});

describe('fit refuses an optimizer that holds none of the model parameters', () => {
  test('an optimizer built on another model is refused, and the model keeps its gradients', () => {
    const model = lineModel();
    const other = lineModel();
    model.parameters().forEach((p, i) => (p.grad = i + 0.5));
    expect(() => fit(model, { data: line, loss: mse, optimizer: new SGD(other.parameters(), { lr: 0.1 }), epochs: 1 })).toThrow(
      new RangeError("fit: optimizer must hold the model's parameters (build it on model.parameters()), got SGD holding none of them"),
    );
    expect(model.parameters().map((p) => p.grad)).toEqual([0.5, 1.5]);
    expect(weights(model)).toEqual([0, 0]);
  });

  test('an optimizer on some of the parameters (the rest frozen) is accepted', () => {
    const model = lineModel();
    const [w] = model.parameters();
    const history = fit(model, { data: line, loss: mse, optimizer: new SGD(w === undefined ? [] : [w], { lr: 0.1 }), epochs: 1, batchSize: 2 });
    expect(history.steps).toHaveLength(1);
    expect(weights(model)[1]).toBe(0);
  });

  test("a frozen parameter's gradient is its last step's, not a sum over the steps", () => {
    const model = lineModel();
    const [w] = model.parameters();
    fit(model, { data: line, loss: mse, optimizer: new SGD(w === undefined ? [] : [w], { lr: 0.1 }), epochs: 2, batchSize: 2 });
    // step 1 at w = b = 0: dL/dw = -10, so w = 1; step 2: r = (-1, -2), dL/dw = -5, dL/db = -3 (-9 if summed)
    expect(weights(model)).toEqual([1.5, 0]);
    expect(model.parameters().map((p) => p.grad)).toEqual([-5, -3]);
  });
});
