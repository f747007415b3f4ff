import { describe, expect, test } from 'vitest';
import { fitDatasets, fitObjective, fitOptimizers } from '@etagrad/tune';
import { datasets, optimizers } from '../src/setup.js';

// One list of data sets and optimizers: a search file's built-in fit objective accepts every
// name that etagrad train, lr-find and compare accept, and no other.

describe('the fit objective and the CLI share one list of data sets and optimizers', () => {
  test('the CLI reads tune’s lists', () => {
    expect(datasets).toBe(fitDatasets);
    expect(optimizers).toBe(fitOptimizers);
  });

  test('fitObjective accepts every name the CLI accepts', () => {
    for (const [dataset, { classes }] of Object.entries(datasets)) {
      for (const optimizer of Object.keys(optimizers)) {
        const model = `2-4-${classes === 2 ? 1 : classes}`;
        expect(typeof fitObjective({ dataset, model, optimizer } as never)).toBe('function');
      }
    }
    expect(() => fitObjective({ dataset: 'moons', model: '2-4-1', optimizer: 'adamm' } as never)).toThrow("fitObjective: optimizer must be one of 'sgd', 'momentum', 'adagrad', 'rmsprop', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'adadelta', 'lion', got 'adamm'");
  });
});
