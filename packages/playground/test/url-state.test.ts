import fc from 'fast-check';
import { expect, test } from 'vitest';
import { defaultConfig, plainLanes } from '../src/config.js';
import { lessons } from '../src/lessons.js';
import { encodeConfig, readConfig, readFragment } from '../src/url-state.js';

test('every lesson and the default view survive the link exactly', () => {
  for (const config of [defaultConfig, ...Object.values(lessons).map((l) => l.config)]) {
    expect(readFragment(encodeConfig(config))).toEqual({ kind: 'config', config });
  }
});

test('added points round-trip bit for bit', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0 as const, 1 as const))), (points) => {
      const config = { ...defaultConfig, data: { ...defaultConfig.data, points } };
      const read = readFragment(encodeConfig(config));
      expect(read.kind === 'config' && read.config.data.points).toEqual(points.map(([x, y, l]) => [x === 0 ? 0 : x, y === 0 ? 0 : y, l]));
    }),
  );
});

test('a version 1 link (lanes as bare multipliers) loads as the same lanes without overrides', () => {
  const { lanes: _, ...rest } = defaultConfig;
  expect(readConfig({ ...rest, version: 1, lanes: [0.1, 1, 10] })).toEqual(defaultConfig);
});

test("lanes' overrides survive the link exactly", () => {
  const config = {
    ...defaultConfig,
    lanes: [{ multiplier: 1, optimizer: 'Adam' as const, options: { beta1: 0.8, beta2: 0.99, weightDecay: 0 }, batchSize: 8, schedule: 'constant(0.5)', applied: 'join([constant(0.5), cosine({ initial: 0.1, steps: 50 })], [20])' }, { multiplier: 2, batchSize: 'all' as const }],
  };
  expect(readFragment(encodeConfig(config))).toEqual({ kind: 'config', config });
});

test('a lesson link and no fragment are read as such', () => {
  expect(readFragment('#lesson=micrograd')).toEqual({ kind: 'lesson', name: 'micrograd' });
  expect(readFragment('')).toEqual({ kind: 'default' });
});

test('a bad link is refused with the field and the value', () => {
  expect(() => readFragment('#c=%7B')).toThrow(/^playground: the link's configuration is not valid JSON/);
  expect(() => readConfig({ ...defaultConfig, version: 3 })).toThrow('playground: version must be 1 or 2, got 3');
  expect(() => readConfig({ ...defaultConfig, lanes: [] })).toThrow('playground: lanes must be 1 to 3 lanes, got an array of length 0');
  expect(() => readConfig({ ...defaultConfig, lanes: plainLanes(1, 2, 3, 4) })).toThrow('playground: lanes must be 1 to 3 lanes, got an array of length 4');
  expect(() => readConfig({ ...defaultConfig, lanes: [1] })).toThrow('playground: lanes[0] must be an object, got 1');
  expect(() => readConfig({ ...defaultConfig, lanes: [{ multiplier: -1 }] })).toThrow('playground: lanes[0].multiplier must be a finite number >= 0, got -1');
  expect(() => readConfig({ ...defaultConfig, lanes: [{ multiplier: 1, optimizer: 'Bogus' }] })).toThrow(/^playground: lanes\[0\].optimizer must be one of/);
  expect(() => readConfig({ ...defaultConfig, lanes: [{ multiplier: 1, options: { beta1: 0.9 } }] })).toThrow(/beta1/);
  expect(() => readConfig({ ...defaultConfig, lanes: [{ multiplier: 1, optimizer: 'Adam', options: { beta1: -1 } }] })).toThrow('playground: lanes[0].options.beta1 must be a finite number >= 0, got -1');
  expect(() => readConfig({ ...defaultConfig, lanes: [{ multiplier: 1, batchSize: 0 }] })).toThrow('playground: lanes[0].batchSize must be a positive integer, got 0');
  expect(() => readConfig({ ...defaultConfig, lanes: [{ multiplier: 1, schedule: 3 }] })).toThrow(/^playground: lanes\[0\].schedule must be a string/);
  expect(() => readConfig({ ...defaultConfig, lanes: [{ multiplier: 1, rate: 3 }] })).toThrow(/rate/);
  expect(() => readConfig({ ...defaultConfig, lanes: [{ multiplier: 1, applied: null }] })).toThrow(/^playground: lanes\[0\].applied must be a string/);
  expect(() => readConfig({ ...defaultConfig, optimizer: 'Bogus' })).toThrow(/^playground: optimizer must be one of/);
  expect(() => readConfig({ ...defaultConfig, steps: 0 })).toThrow('playground: steps must be a positive integer, got 0');
  expect(() => readConfig({ ...defaultConfig, extra: 1 })).toThrow(/extra/);
  expect(() => readConfig({ ...defaultConfig, model: { ...defaultConfig.model, hidden: [16, 0] } })).toThrow('playground: model.hidden[1] must be a positive integer, got 0');
  expect(() => readConfig({ ...defaultConfig, model: { ...defaultConfig.model, hidden: 'x' } })).toThrow("playground: model.hidden must be an array of up to 4 layer sizes, got 'x'");
  expect(() => readConfig({ ...defaultConfig, data: { ...defaultConfig.data, points: [[0, 0, 2]] } })).toThrow(/^playground: data.points\[0\]\[2\] must be one of/);
  expect(() => readConfig({ ...defaultConfig, data: { ...defaultConfig.data, points: [[0, 0]] } })).toThrow('playground: data.points[0] must be [x, y, label], got an array of length 2');
  expect(() => readConfig({ ...defaultConfig, data: { ...defaultConfig.data, points: 'x' } })).toThrow("playground: data.points must be an array, got 'x'");
  expect(() => readConfig({ ...defaultConfig, options: { momentum: -1 } })).toThrow('playground: options.momentum must be a finite number >= 0, got -1');
  expect(() => readConfig({ ...defaultConfig, options: { nesterov: 1 } })).toThrow(/^playground: options.nesterov must be a boolean/);
  expect(() => readConfig({ ...defaultConfig, options: { beta9: 1 } })).toThrow(/beta9/);
});

test("a link's seeds must be integers (the generators refuse others), refused with the field", () => {
  expect(() => readConfig({ ...defaultConfig, seed: 1.5 })).toThrow('playground: seed must be an integer >= 0, got 1.5');
  expect(() => readConfig({ ...defaultConfig, data: { ...defaultConfig.data, seed: 0.5 } })).toThrow('playground: data.seed must be an integer >= 0, got 0.5');
  expect(() => readConfig({ ...defaultConfig, model: { ...defaultConfig.model, init: 2.5 } })).toThrow('playground: model.init must be an integer >= 0, got 2.5');
});
