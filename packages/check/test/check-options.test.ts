import { expect, test } from 'vitest';
import { checkBoolean, checkChoice, checkFunction, checkKeys, checkObject, checkOptions, checkString, isRecord } from '@etagrad/check';

test('checkBoolean passes booleans and refuses anything else with a TypeError', () => {
  expect(checkBoolean('exponential', 'staircase', false)).toBe(false);
  expect(() => checkBoolean('exponential', 'staircase', 'yes')).toThrow(
    new TypeError("exponential: staircase must be a boolean, got 'yes'"),
  );
  expect(() => checkBoolean('exponential', 'staircase', 1)).toThrow(new TypeError('exponential: staircase must be a boolean, got 1'));
});

test('checkChoice returns the choice, refusing another string with a RangeError', () => {
  expect(checkChoice('oneCycle', 'anneal', 'cos', ['cos', 'linear'])).toBe('cos');
  expect(() => checkChoice('oneCycle', 'anneal', 'sine', ['cos', 'linear'])).toThrow(
    new RangeError("oneCycle: anneal must be one of 'cos', 'linear', got 'sine'"),
  );
});

test('checkChoice refuses a non-string with a TypeError', () => {
  expect(() => checkChoice('oneCycle', 'anneal', 3, ['cos', 'linear'])).toThrow(
    new TypeError("oneCycle: anneal must be one of 'cos', 'linear', got 3"),
  );
});

test('isRecord accepts plain objects only', () => {
  expect(isRecord({})).toBe(true);
  expect(isRecord([])).toBe(false);
  expect(isRecord(null)).toBe(false);
  expect(isRecord(() => 1)).toBe(false);
});

test('checkObject returns an object and refuses null, arrays and primitives', () => {
  const options = { steps: 3 };
  expect(checkObject('cosine', 'options', options)).toBe(options);
  expect(() => checkObject('cosine', 'options', null)).toThrow(new TypeError('cosine: options must be an object, got null'));
  expect(() => checkObject('cosine', 'options', [1])).toThrow(
    new TypeError('cosine: options must be an object, got an array of length 1'),
  );
  expect(() => checkObject('cosine', 'options', 5)).toThrow(new TypeError('cosine: options must be an object, got 5'));
});

test('checkKeys passes known keys and names an unknown one with the nearest known key', () => {
  expect(() => checkKeys('Adagrad', 'options', { lr: 0.1 }, ['lr', 'lrDecay'])).not.toThrow();
  expect(() => checkKeys('cosine', 'options', { initial: 0.1, steps: 100, fianl: 0.01 }, ['initial', 'steps', 'final'])).toThrow(
    new TypeError("cosine: unknown option 'fianl' (did you mean 'final'?); options are initial, steps, final"),
  );
  expect(() => checkKeys('Adagrad', 'options', { lr: 0.1, lr_decay: 0.1 }, ['lr', 'lrDecay'])).toThrow(
    new TypeError("Adagrad: unknown option 'lr_decay' (did you mean 'lrDecay'?); options are lr, lrDecay"),
  );
});

test('checkKeys suggests nothing when no known key is near', () => {
  expect(() => checkKeys('cosine', 'options', { speed: 1 }, ['initial', 'steps', 'final'])).toThrow(
    new TypeError("cosine: unknown option 'speed'; options are initial, steps, final"),
  );
  expect(() => checkKeys('constant', 'options', { value: 1 }, [])).toThrow(
    new TypeError("constant: unknown option 'value'; options are none"),
  );
});

test('checkKeys names the object when it is not the options', () => {
  expect(() => checkKeys('Adam', 'state.hyper', { betaz: 1 }, ['lr', 'betas'])).toThrow(
    new TypeError("Adam: unknown key 'betaz' in state.hyper (did you mean 'betas'?); keys are lr, betas"),
  );
});

test('checkKeys refuses a __proto__ key so nothing reaches a prototype', () => {
  const parsed = JSON.parse('{"lr": 0.1, "__proto__": {"polluted": true}}') as Record<string, unknown>;
  expect(() => checkKeys('SGD', 'options', parsed, ['lr', '__proto__'])).toThrow(
    new TypeError("SGD: options must be a plain object (own keys, no '__proto__'), got '__proto__'"),
  );
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

test('checkKeys refuses keys inherited from a replaced prototype', () => {
  const options = { initial: 0.1, __proto__: { final: 5 } } as Record<string, unknown>;
  expect(() => checkKeys('cosine', 'options', options, ['initial', 'final'])).toThrow(
    new TypeError("cosine: options must be a plain object (own keys, no '__proto__'), got 'final'"),
  );
});

test('checkString passes strings and refuses anything else with a TypeError', () => {
  expect(checkString('earlyStopping', 'monitor', 'valLoss')).toBe('valLoss');
  expect(() => checkString('earlyStopping', 'monitor', 3)).toThrow(new TypeError('earlyStopping: monitor must be a string, got 3'));
});

test('checkFunction passes functions and names what it expected otherwise', () => {
  const init = (): number => 0;
  expect(checkFunction('Linear', 'init', init)).toBe(init);
  expect(() => checkFunction('fit', 'loss', null)).toThrow(new TypeError('fit: loss must be a function, got null'));
  expect(() => checkFunction('Linear', 'init', 0.5, 'an initializer function')).toThrow(
    new TypeError('Linear: init must be an initializer function, got 0.5'),
  );
});

test('checkOptions reads omitted options as {} and refuses a non-object or an unknown key', () => {
  expect(checkOptions('moons', undefined, ['n'])).toEqual({});
  const options = { n: 3 };
  expect(checkOptions('moons', options, ['n'])).toBe(options);
  expect(() => checkOptions('moons', 5, ['n'])).toThrow(new TypeError('moons: options must be an object, got 5'));
  expect(() => checkOptions('moons', null, ['n'])).toThrow(new TypeError('moons: options must be an object, got null'));
  expect(() => checkOptions('moons', { m: 3 }, ['n'])).toThrow(TypeError);
});
