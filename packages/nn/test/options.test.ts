import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import {
  batches,
  bce,
  bceWithLogits,
  blobs,
  circles,
  crossEntropy,
  Dropout,
  ELU,
  gain,
  heNormal,
  heUniform,
  hinge,
  huber,
  LeakyReLU,
  Linear,
  linear,
  mae,
  MLP,
  moons,
  mse,
  nll,
  normal,
  spirals,
  trainTestSplit,
  uniform,
  xavierNormal,
  xavierUniform,
  xor,
} from '@etagrad/nn';

const data = { x: [[0], [1], [2], [3]], y: [0, 1, 0, 1] };
const out = [[new Value(0.5), new Value(0.5)]];

// A misspelt option must not be silently left at its default: each is refused, with the nearest
// known option and the whole list.
const misspelt: [string, () => unknown, string][] = [
  ['moons', () => moons({ nosie: 0.1 } as never), "moons: unknown option 'nosie' (did you mean 'noise'?); options are n, noise, seed, rng"],
  ['circles', () => circles({ facter: 0.5 } as never), "circles: unknown option 'facter' (did you mean 'factor'?); options are n, noise, seed, rng, factor"],
  ['spirals', () => spirals({ clases: 2 } as never), "spirals: unknown option 'clases' (did you mean 'classes'?); options are n, noise, seed, rng, classes"],
  ['xor', () => xor({ N: 10 } as never), "xor: unknown option 'N' (did you mean 'n'?); options are n, noise, seed, rng"],
  ['blobs', () => blobs({ center: 3 } as never), "blobs: unknown option 'center' (did you mean 'centers'?); options are n, centers, std, features, box, seed, rng"],
  ['linear', () => linear({ weight: [1] } as never), "linear: unknown option 'weight' (did you mean 'weights'?); options are n, weights, bias, noise, seed, rng"],
  ['trainTestSplit', () => trainTestSplit(data, { testFracton: 0.5 } as never), "trainTestSplit: unknown option 'testFracton' (did you mean 'testFraction'?); options are testFraction, shuffle, seed, rng"],
  ['batches', () => batches(data, { batch_size: 2 } as never), "batches: unknown option 'batch_size' (did you mean 'batchSize'?); options are batchSize, shuffle, seed, rng, dropLast"],
  ['uniform', () => uniform({ hi: 2 } as never), "uniform: unknown option 'hi'; options are low, high"],
  ['normal', () => normal({ sd: 2 } as never), "normal: unknown option 'sd' (did you mean 'std'?); options are mean, std"],
  ['xavierUniform', () => xavierUniform({ gian: 2 } as never), "xavierUniform: unknown option 'gian' (did you mean 'gain'?); options are gain"],
  ['xavierNormal', () => xavierNormal({ gian: 2 } as never), "xavierNormal: unknown option 'gian' (did you mean 'gain'?); options are gain"],
  ['heUniform', () => heUniform({ mdoe: 'fanOut' } as never), "heUniform: unknown option 'mdoe' (did you mean 'mode'?); options are gain, mode"],
  ['heNormal', () => heNormal({ mdoe: 'fanOut' } as never), "heNormal: unknown option 'mdoe' (did you mean 'mode'?); options are gain, mode"],
  ['gain', () => gain('leakyRelu', { negativeSlope: 0.2 } as never), "gain: unknown option 'negativeSlope'; options are slope"],
  ['Linear', () => new Linear(2, 1, { baias: false } as never), "Linear: unknown option 'baias' (did you mean 'bias'?); options are bias, init, biasInit, rng, seed"],
  ['MLP', () => new MLP(2, [4, 1], { activaton: 'tanh' } as never), "MLP: unknown option 'activaton' (did you mean 'activation'?); options are bias, init, biasInit, rng, seed, activation, outputActivation"],
  ['LeakyReLU', () => new LeakyReLU({ negativeSlope: 0.2 } as never), "LeakyReLU: unknown option 'negativeSlope'; options are slope"],
  ['ELU', () => new ELU({ alfa: 0.5 } as never), "ELU: unknown option 'alfa'; options are alpha"],
  ['Dropout', () => new Dropout(0.5, { sead: 1 } as never), "Dropout: unknown option 'sead' (did you mean 'seed'?); options are rng, seed"],
  ['mse', () => mse([[new Value(1)]], [1], { reducton: 'sum' } as never), "mse: unknown option 'reducton' (did you mean 'reduction'?); options are reduction"],
  ['mae', () => mae([[new Value(1)]], [1], { reducton: 'sum' } as never), "mae: unknown option 'reducton' (did you mean 'reduction'?); options are reduction"],
  ['huber', () => huber([[new Value(1)]], [1], { detla: 2 } as never), "huber: unknown option 'detla' (did you mean 'delta'?); options are reduction, delta"],
  ['bce', () => bce([[new Value(0.5)]], [1], { reducton: 'sum' } as never), "bce: unknown option 'reducton' (did you mean 'reduction'?); options are reduction"],
  ['bceWithLogits', () => bceWithLogits([[new Value(1)]], [1], { weight: 2 } as never), "bceWithLogits: unknown option 'weight'; options are reduction"],
  ['crossEntropy', () => crossEntropy(out, [1], { reducton: 'sum' } as never), "crossEntropy: unknown option 'reducton' (did you mean 'reduction'?); options are reduction"],
  ['nll', () => nll(out, [1], { reducton: 'sum' } as never), "nll: unknown option 'reducton' (did you mean 'reduction'?); options are reduction"],
  ['hinge', () => hinge([[new Value(1)]], [1], { margin: 2 } as never), "hinge: unknown option 'margin'; options are reduction"],
];

describe('every options object of nn refuses unknown keys, with did-you-mean', () => {
  for (const [name, call, message] of misspelt) {
    test(name, () => {
      expect(call).toThrow(new TypeError(message));
    });
  }
});

describe('a value where options go is refused in the standard format', () => {
  const calls: [string, (options: unknown) => unknown][] = [
    ['moons', (o) => moons(o as never)],
    ['circles', (o) => circles(o as never)],
    ['spirals', (o) => spirals(o as never)],
    ['xor', (o) => xor(o as never)],
    ['blobs', (o) => blobs(o as never)],
    ['linear', (o) => linear(o as never)],
    ['trainTestSplit', (o) => trainTestSplit(data, o as never)],
    ['batches', (o) => batches(data, o as never)],
    ['uniform', (o) => uniform(o as never)],
    ['heNormal', (o) => heNormal(o as never)],
    ['Linear', (o) => new Linear(2, 1, o as never)],
    ['MLP', (o) => new MLP(2, [1], o as never)],
    ['Dropout', (o) => new Dropout(0.1, o as never)],
    ['mse', (o) => mse([[new Value(1)]], [1], o as never)],
  ];
  for (const [name, call] of calls) {
    test(`${name}(5) and ${name}(null)`, () => {
      expect(() => call(5)).toThrow(new TypeError(`${name}: options must be an object, got 5`));
      expect(() => call(null)).toThrow(new TypeError(`${name}: options must be an object, got null`));
    });
  }

  test('omitted options are the defaults', () => {
    expect(moons().x).toHaveLength(100);
    expect(moons(undefined).x).toHaveLength(100);
  });
});
