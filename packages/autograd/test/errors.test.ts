import { describe, expect, test } from 'vitest';
import { noGrad, toDot, Value, zeroGrad } from '@etagrad/autograd';

// Every public function refuses a bad argument in the one format `<function>: <what> must be <rule>, got <value>`.
describe('bad arguments to the functions', () => {
  test.each([
    ['zeroGrad(undefined)', () => zeroGrad(undefined as unknown as Value[]), 'zeroGrad: values must be an iterable of Values, got undefined'],
    ['zeroGrad(5)', () => zeroGrad(5 as unknown as Value[]), 'zeroGrad: values must be an iterable of Values, got 5'],
    ['zeroGrad([v, 1])', () => zeroGrad([new Value(1), 1] as unknown as Value[]), 'zeroGrad: values[1] must be a Value, got 1'],
    ['noGrad(5)', () => noGrad(5 as unknown as () => void), 'noGrad: fn must be a function, got 5'],
    ['toDot(5)', () => toDot(5 as unknown as Value), 'toDot: root must be a Value, got 5'],
    ['toDot(null)', () => toDot(null as unknown as Value), 'toDot: root must be a Value, got null'],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(new TypeError(message));
  });

  test('zeroGrad takes any iterable of Values, a Set included', () => {
    const v = new Value(1);
    v.grad = 3;
    zeroGrad(new Set([v]));
    expect(v.grad).toBe(0);
  });

  test('backward refuses an unknown option, naming it', () => {
    expect(() => new Value(1).backward({ checkFinte: true } as object)).toThrow(TypeError);
    expect(() => new Value(1).backward({ checkFinte: true } as object)).toThrow(/^backward: .*'checkFinte'/);
  });
});
