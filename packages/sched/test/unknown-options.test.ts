// Issue 9 §3: every options object of every sched function refuses unknown keys with "did you
// mean", a number where options go is refused, and bad arguments never give a raw JS error.

import { describe, expect, test } from 'vitest';
import * as sched from '@etagrad/sched';

const c = sched.constant(0.1);
const misspelt: [string, (extra: Record<string, unknown>) => unknown][] = [
  ['linear', (x) => sched.linear({ from: 1, to: 0, steps: 5, ...x })],
  ['timeDecay', (x) => sched.timeDecay({ initial: 1, rate: 1, ...x })],
  ['stepDecay', (x) => sched.stepDecay({ initial: 1, every: 2, ...x })],
  ['multiStep', (x) => sched.multiStep({ initial: 1, milestones: [2], ...x })],
  ['piecewise', (x) => sched.piecewise({ boundaries: [2], values: [1, 0.5], ...x })],
  ['exponential', (x) => sched.exponential({ initial: 1, rate: 0.5, ...x })],
  ['polynomial', (x) => sched.polynomial({ initial: 1, steps: 5, ...x })],
  ['cosine', (x) => sched.cosine({ initial: 1, steps: 5, ...x })],
  ['cosineRestarts', (x) => sched.cosineRestarts({ initial: 1, period: 5, ...x })],
  ['cyclic', (x) => sched.cyclic({ min: 0, max: 1, stepSize: 5, ...x })],
  ['oneCycle', (x) => sched.oneCycle({ max: 1, steps: 5, ...x })],
  ['inverseSqrt', (x) => sched.inverseSqrt({ peak: 1, warmupSteps: 5, ...x })],
  ['warmup', (x) => sched.warmup(c, { steps: 5, ...x })],
  ['clamp', (x) => sched.clamp(c, { min: 0, ...x })],
  ['sample', (x) => sched.sample(c, { steps: 5, ...x })],
  ['plot', (x) => sched.plot(c, { steps: 5, ...x })],
  ['toSvg', (x) => sched.toSvg(c, { steps: 5, ...x })],
  ['lineChart', (x) => sched.lineChart([], { ...x })],
  ['lineChartSvg', (x) => sched.lineChartSvg([], { ...x })],
  ['reduceOnPlateau', (x) => sched.reduceOnPlateau({ ...x })],
  ['fromFunction', (x) => sched.fromFunction(() => 1, { name: 'f', ...x })],
];

describe('unknown options are refused everywhere', () => {
  test("cosine names the option meant: 'fianl' for 'final'", () => {
    expect(() => sched.cosine({ initial: 0.1, steps: 100, fianl: 0.01 } as never)).toThrow(
      new TypeError("cosine: unknown option 'fianl' (did you mean 'final'?); options are initial, steps, final"),
    );
  });

  test.each(misspelt)('%s refuses an unknown option, listing the known ones', (owner, call) => {
    expect(() => call({ colour: 'red' })).toThrow(new RegExp(`^${owner}: unknown option 'colour'.*; options are `));
  });

  test.each(misspelt)('%s refuses a number where its options go', (owner, call) => {
    expect(() => call({ colour: 'red' })).toThrow(TypeError); // sanity: the call reaches the options
    const numbered: Record<string, () => unknown> = {
      cosine: () => sched.cosine(5 as never),
      warmup: () => sched.warmup(c, 5 as never),
      reduceOnPlateau: () => sched.reduceOnPlateau(5 as never),
      sample: () => sched.sample(c, 5 as never),
      lineChart: () => sched.lineChart([], 5 as never),
    };
    const run = numbered[owner];
    if (run !== undefined) expect(run).toThrow(new TypeError(`${owner}: options must be an object, got 5`));
  });

  test('a kind inside options is an unknown option, not a different schedule', () => {
    expect(() => sched.cosine({ kind: 'constant', value: 0.1 } as never)).toThrow(
      new TypeError("cosine: unknown option 'kind'; options are initial, steps, final"),
    );
  });

  test('options inherited through __proto__ are refused, not read', () => {
    const options = { initial: 0.1, steps: 10, __proto__: { final: 0.05 } };
    expect(() => sched.cosine(options as never)).toThrow(
      new TypeError("cosine: options must be a plain object (own keys, no '__proto__'), got 'final'"),
    );
  });
});

describe('bad arguments never give a raw JS error', () => {
  const bad: unknown[][] = [[], [undefined], [null], [5], ['x'], [{}], [[]], [c, null], [c, 5], [null, null], [[c], [null]]];
  const functions = Object.entries(sched).filter(([, f]) => typeof f === 'function') as [string, (...a: unknown[]) => unknown][];

  test.each(functions)('%s throws only standard-format errors', (name, f) => {
    for (const args of bad) {
      try {
        f(...args);
      } catch (error) {
        expect(error, `${name}(${args.map(String).join(', ')})`).toSatisfy(
          (e: unknown) =>
            (e instanceof TypeError || e instanceof RangeError || (name === 'parse' && e instanceof SyntaxError)) &&
            /^[\w.]+: \S/.test(e.message),
        );
      }
    }
  });
});
