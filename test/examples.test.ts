import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

/** Runs an example script from sources, as its header comment tells a user to. */
const run = (name: string): string =>
  execFileSync(process.execPath, ['--conditions=@etagrad/source', '--import', 'tsx', `examples/src/${name}.ts`], {
    encoding: 'utf8',
  });

test('micrograd-moons reaches 100% training accuracy in 100 steps, as micrograd does', () => {
  const out = run('micrograd-moons');
  expect(out).toMatch(/^337 parameters/); // 2*16+16 + 16*16+16 + 16+1
  expect(out.trim().split('\n').at(-1)).toMatch(/^step 100: loss 0\.0\d+, accuracy 100%, lr 0\.109$/);
});

test('three-regimes shows lr 0.01 crawling, lr 1 landing at once and lr 2.5 diverging', () => {
  const lines = run('three-regimes').trim().split('\n');
  // x_k = (1 - lr)^k: 0.99^5 = 0.951, 0^k = 0, (-1.5)^5 = -7.59
  expect(lines).toEqual([
    'lr 0.01: x = 1.00 -> 0.990 -> 0.980 -> 0.970 -> 0.961 -> 0.951',
    'lr 1: x = 1.00 -> 0.00 -> 0.00 -> 0.00 -> 0.00 -> 0.00',
    'lr 2.5: x = 1.00 -> -1.50 -> 2.25 -> -3.38 -> 5.06 -> -7.59',
  ]);
});

test('schedule-alone fits y = 3x + 1 in its own loop and draws the schedule', () => {
  const out = run('schedule-alone');
  const [, w, b] = /w = (-?[\d.]+), b = (-?[\d.]+)/.exec(out) ?? [];
  expect(Math.abs(Number(w) - 3)).toBeLessThan(0.15);
  expect(Math.abs(Number(b) - 1)).toBeLessThan(0.05);
  expect(out).toContain('warmup(cosine({ initial: 0.1, steps: 180 }), { steps: 20 })');
});
