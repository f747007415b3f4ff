import { mse, type Metric } from '@etagrad/nn';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import { line, lineModel } from './line-fixture.js';

describe('evaluate', () => {
  test('reports the loss and each metric by name', () => {
    const model = lineModel();
    // the fraction of outputs within 2.5 of the target: |0 - 2| = 2 yes, |0 - 4| = 4 no -> 0.5
    const close: Metric = (outputs, targets) =>
      outputs.filter((row, i) => Math.abs((row[0]?.data ?? 0) - (targets[i] ?? 0)) < 2.5).length / outputs.length;
    // mse at w = b = 0: (2^2 + 4^2) / 2 = 10
    expect(evaluate(model, line, { loss: mse, metrics: { close } })).toEqual({ loss: 10, close: 0.5 });
    expect(evaluate(model, line)).toEqual({});
  });

  test('runs the model in eval mode and gives back its previous mode', () => {
    const model = lineModel();
    const modes: boolean[] = [];
    const spy: Metric = () => {
      modes.push(model.training);
      return 1;
    };
    evaluate(model, line, { metrics: { spy } });
    expect(model.training).toBe(true);
    model.eval();
    evaluate(model, line, { metrics: { spy } });
    expect(model.training).toBe(false);
    expect(modes).toEqual([false, false]);
  });

  test('builds no graph: parameters get no gradient from an evaluation', () => {
    const model = lineModel();
    evaluate(model, line, { loss: mse });
    expect(model.parameters().map((p) => p.grad)).toEqual([0, 0]);
  });

  test('refuses bad input, naming it', () => {
    const model = lineModel();
    expect(() => evaluate(model, { x: [[1]], y: [] })).toThrow(
      new RangeError('evaluate: data.y must have one target per row of data.x (1), got 0'),
    );
    expect(() => evaluate(model, { x: [], y: [] })).toThrow('evaluate: data must have at least one sample, got 0');
    expect(() => evaluate(model, null as never)).toThrow(new TypeError('evaluate: data must be an object, got null'));
    expect(() => evaluate(model, line, { loss: 'mse' as never })).toThrow("evaluate: loss must be a function, got 'mse'");
    expect(() => evaluate(model, line, { metrics: { acc: 1 as never } })).toThrow('evaluate: metrics.acc must be a function, got 1');
    expect(() => evaluate(model, line, { metrics: { loss: () => 1 } })).toThrow(
      "evaluate: metrics must not have a metric named 'loss' (reserved for the loss), got 'loss'",
    );
  });
});
