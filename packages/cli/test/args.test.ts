import { InvalidArgumentError } from 'commander';
import { describe, expect, test } from 'vitest';
import { isSchedule } from '@etagrad/sched';
import {
  integerFromTo,
  layerSizes,
  learningRate,
  nonNegativeInteger,
  oneLine,
  parameterCount,
  positiveInteger,
  positiveNumber,
} from '../src/args.js';

describe('integer options', () => {
  test('positive integers are read exactly', () => {
    expect(positiveInteger('1')).toBe(1);
    expect(positiveInteger('250')).toBe(250);
  });

  test.each(['0', '-3', '1.5', 'abc', '', '1e3', '0x10', '99999999999999999'])('%j is not a positive integer', (text) => {
    expect(() => positiveInteger(text)).toThrow(new InvalidArgumentError('Expected a positive integer.'));
  });

  test('seeds may be 0 but not negative', () => {
    expect(nonNegativeInteger('0')).toBe(0);
    expect(() => nonNegativeInteger('-1')).toThrow(new InvalidArgumentError('Expected an integer >= 0.'));
  });
});

describe('learning rates', () => {
  test('a number is a number, decimal or scientific', () => {
    expect(learningRate('0.05')).toBe(0.05);
    expect(learningRate('3e-4')).toBe(3e-4);
    expect(positiveNumber('.5')).toBe(0.5);
  });

  test.each(['0', '-0.1', '1e999'])('%j is refused as a rate', (text) => {
    expect(() => learningRate(text)).toThrow(new InvalidArgumentError('Expected a positive number.'));
  });

  test('an expression is parsed as a schedule', () => {
    const lr = learningRate('cosine({ initial: 0.1, steps: 100 })');
    expect(isSchedule(lr)).toBe(true);
    // cos(pi / 2) = 0: lr(50) = 0.1 / 2
    expect(isSchedule(lr) && lr(50)).toBeCloseTo(0.05, 12);
  });

  test("a bad expression reports sched's reason on one line", () => {
    expect(() => learningRate('cosin({ initial: 0.1 })')).toThrow(/^Not a number or schedule expression: .*cosin/);
  });
});

describe('layer sizes', () => {
  test('dash-separated sizes, input to output', () => {
    expect(layerSizes('2-16-16-1')).toEqual([2, 16, 16, 1]);
    expect(layerSizes('2-1')).toEqual([2, 1]);
  });

  test.each(['2', '2--1', '2-0-1', '2-x-1', '-2-1', ''])('%j is refused', (text) => {
    expect(() => layerSizes(text)).toThrow(
      new InvalidArgumentError('Expected layer sizes joined by dashes, like 2-16-16-1.'),
    );
  });
});

describe('sizes are bounded', () => {
  test('a model of 2-100000000-1 (which aborts the engine) is refused: at most 10,000 units a layer', () => {
    expect(() => layerSizes('2-100000000-1')).toThrow(new InvalidArgumentError('Expected at most 10000 units a layer, got 100000000.'));
    expect(() => layerSizes('2-10001-1')).toThrow(new InvalidArgumentError('Expected at most 10000 units a layer, got 10001.'));
    expect(layerSizes('2-10000-1')).toEqual([2, 10000, 1]);
  });

  test('at most 10 million parameters in all', () => {
    // 2-5000-5000-1: (2 + 1) * 5000 + (5000 + 1) * 5000 + (5000 + 1) * 1 = 15000 + 25005000 + 5001
    expect(parameterCount([2, 5000, 5000, 1])).toBe(25_025_001);
    expect(() => layerSizes('2-5000-5000-1')).toThrow(new InvalidArgumentError('Expected at most 10000000 parameters, got 25025001.'));
    // 2-3000-3000-1: 9000 + 9003000 + 3001 = 9015001, under the bound
    expect(layerSizes('2-3000-3000-1')).toEqual([2, 3000, 3000, 1]);
  });

  test('parameterCount counts weights and biases: 2-16-16-1 has 48 + 272 + 17', () => {
    expect(parameterCount([2, 16, 16, 1])).toBe(337);
  });

  test('chart sizes are whole numbers between two bounds', () => {
    const width = integerFromTo(8, 1000);
    expect(width('1000')).toBe(1000);
    expect(width('8')).toBe(8);
    for (const text of ['1001', '1e8', '7', '0', '2.5']) {
      expect(() => width(text)).toThrow(new InvalidArgumentError('Expected an integer from 8 to 1000.'));
    }
  });
});

test('oneLine joins lines and trims', () => {
  expect(oneLine(' a\n  b \n(c)\n')).toBe('a b (c)');
});
