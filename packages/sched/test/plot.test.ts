import { describe, expect, test } from 'vitest';
import {
  constant,
  cosine,
  cyclic,
  exponential,
  format,
  linear,
  plot,
  stepDecay,
  toSvg,
  warmup,
  type Schedule,
} from '@etagrad/sched';
import { parseXml } from './xml.js';

describe('plot', () => {
  test('two schedules in one chart, with a legend', () => {
    const chart = plot([stepDecay({ initial: 0.1, every: 20 }), exponential({ initial: 0.1, rate: 0.97 })], {
      steps: 100,
      width: 50,
      height: 10,
    });
    expect(`\n${chart}\n`).toMatchInlineSnapshot(`
      "
             learning rate
          0.1 ┤oo********
              │ ooo     *
        0.075 ┤   ooo   **
              │     oooo *
              │        oooo
         0.05 ┤          *oooo*****
              │              oooooo*
        0.025 ┤                   oooooooo***
              │                          ooooooooooooooo
      0.00313 ┤                                       *oooooooooo
              └┬───────────┬────────────┬───────────┬───────────┬
               0          25           50          75         100
                                      step
      * stepDecay({ initial: 0.1, every: 20 })
      o exponential({ initial: 0.1, rate: 0.97 })
      "
    `);
  });

  test('one schedule: its expression as the title, no legend', () => {
    const lr = warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 });
    const lines = plot(lr, { steps: 1000 }).split('\n');
    expect(lines[0]).toBe(format(lr));
    expect(lines[1]?.trim()).toBe('learning rate');
    expect(lines).toHaveLength(1 + 1 + 16 + 1 + 1 + 1); // title, y name, 16 rows, axis, tick labels, 'step'
    expect(lines.at(-1)?.trim()).toBe('step');
    expect(lines.at(-2)?.trim().split(/\s+/)).toEqual(['0', '250', '500', '750', '1000']);
  });

  test('a title and logY can be given', () => {
    const chart = plot(exponential({ initial: 1, rate: 0.5 }), { steps: 20, title: 'halving', logY: true, width: 20, height: 7 });
    expect(chart.split('\n')[0]).toBe('halving');
    expect(chart).toContain('1e-6 ┤'); // 0.5^20 ~ 9.5e-7: the log axis reaches down to 1e-6
  });

  test('refuses bad arguments', () => {
    expect(() => plot(constant(1), { steps: 0 })).toThrow(new RangeError('plot: steps must be a positive integer, got 0'));
    expect(() => plot([], { steps: 10 })).toThrow(new RangeError('plot: schedules must not be empty, got 0 schedules'));
    expect(() => plot([constant(1), 2 as unknown as Schedule], { steps: 10 })).toThrow(
      new TypeError('plot: schedules[1] must be a schedule, got 2'),
    );
    expect(() => toSvg(constant(1), { steps: 1.5 })).toThrow(new RangeError('toSvg: steps must be a positive integer, got 1.5'));
  });
});

describe('toSvg', () => {
  test('is a standalone SVG that parses as XML, titled with the expression', () => {
    const lr = cyclic({ min: 0.001, max: 0.1, stepSize: 25, shape: 'cosine' });
    const svg = toSvg(lr, { steps: 200 });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes.get('xmlns')).toBe('http://www.w3.org/2000/svg');
    const texts = root.children.filter((c) => c.name === 'text').map((t) => t.text);
    expect(texts).toContain(format(lr)); // quotes in the expression are escaped and read back
    expect(svg).toContain('&apos;cosine&apos;');
  });

  test('several schedules, each in the legend', () => {
    const a = constant(0.1);
    const b = linear({ from: 0.1, to: 0, steps: 50 });
    const root = parseXml(toSvg([a, b], { steps: 50, width: 320, height: 160 }));
    const texts = root.children.filter((c) => c.name === 'text').map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining([format(a), format(b)]));
    expect(root.children.filter((c) => c.name === 'polyline')).toHaveLength(2);
  });
});
