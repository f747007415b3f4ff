import { describe, expect, test } from 'vitest';
import { clipGradNorm, excludeFromDecay, isBias, OptimizerBase, sgdDefinition } from '@etagrad/optim';

// Bad arguments to the helpers are refused in the standard format, never a raw JS error
// ("named.filter is not a function", "Cannot read properties of undefined").
describe('optim helpers refuse bad arguments in the standard format', () => {
  test('excludeFromDecay', () => {
    expect(() => excludeFromDecay(null as never)).toThrow(new TypeError('excludeFromDecay: named must be an array of [name, parameter] pairs, got null'));
    expect(() => excludeFromDecay([5] as never)).toThrow(new TypeError('excludeFromDecay: named[0] must be a [name, parameter] pair, got 5'));
    expect(() => excludeFromDecay([], { exclude: 'bias' } as never)).toThrow(
      new TypeError("excludeFromDecay: exclude must be a function of a parameter name, got 'bias'"),
    );
    expect(() => excludeFromDecay([], { exlude: isBias } as never)).toThrow(
      new TypeError("excludeFromDecay: unknown option 'exlude' (did you mean 'exclude'?); options are exclude"),
    );
  });

  test('isBias', () => {
    expect(() => isBias(undefined as never)).toThrow(new TypeError('isBias: name must be a string, got undefined'));
  });

  test('clipGradNorm options', () => {
    expect(() => clipGradNorm([{ data: 0, grad: 1 }], 1, { norm_type: 2 } as never)).toThrow(
      new TypeError("clipGradNorm: unknown option 'norm_type' (did you mean 'normType'?); options are normType"),
    );
  });

  test('OptimizerBase without a definition', () => {
    expect(() => new OptimizerBase(undefined as never, [{ data: 0, grad: 0 }], {})).toThrow(
      new TypeError('OptimizerBase: definition must be an optimizer definition { name, table, defaults, presets, buffers, perUpdate, update }, got undefined'),
    );
    expect(new OptimizerBase(sgdDefinition, [{ data: 0, grad: 0 }], { lr: 0.1 }).name).toBe('SGD');
  });
});
