import { describe, expect, test, vi } from 'vitest';
import * as one from '@etagrad/autograd';
import { readFileSync } from 'node:fs';
import { LAYOUT } from '../src/shared.js';
import { tape, tapeSize } from '../src/tape.js';

type Autograd = typeof one;

// A graph mixing the Values of two loaded copies of the package (an app and a library resolving
// different installs) must backpropagate exactly as the same graph built with one copy: every
// copy shares one tape, so no node of the other copy is left with a gradient of 0.
async function secondCopy(): Promise<Autograd> {
  vi.resetModules(); // the next import evaluates the package again: a separate copy
  return import('@etagrad/autograd');
}

/** A small MLP-like loss over parameters `ws` (made by `p`) and inputs (made by `q`), mixing ops of both. */
function loss(p: Autograd, q: Autograd, ws: one.Value[]): one.Value {
  const xs = [q.value(0.5), q.value(-1.5)];
  const h = p.dot(ws.slice(0, 2), xs).tanh();
  const g = q.dot([ws[2] as one.Value], [xs[0] as one.Value]).add(ws[3] as one.Value).relu();
  const logits = [h.mul(ws[4] as one.Value), g.sub(h.mul(0.3)), q.sum([h, g, 1])];
  const probs = p.softmax(logits);
  return q.mean([(probs[0] as one.Value).log().neg(), h.sub(g).pow(2), p.logSumExp(logits).sigmoid()]);
}

const initial = [0.3, -0.7, 1.1, 0.2, -0.4];

/** Gradients of `loss` after `passes` backward passes, its parameters made by `p`, its ops split between `p` and `q`. */
function gradients(p: Autograd, q: Autograd, passes: number): number[] {
  const ws = initial.map((x) => new p.Value(x));
  const out = loss(p, q, ws);
  for (let i = 0; i < passes; i++) out.backward();
  return ws.map((w) => w.grad);
}

describe('two copies of the package in one graph', () => {
  test('the README names the key under which the copies share their state (it follows the node layout)', () => {
    const key = `etagrad.autograd.shared.v${LAYOUT}`;
    expect(Object.getOwnPropertySymbols(globalThis).map(String)).toContain(`Symbol(${key})`);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`Symbol.for('${key}')`);
    expect(readme).toContain(`The \`v${LAYOUT}\` names the layout`);
  });

  test('the second copy is a separate module', async () => {
    const two = await secondCopy();
    expect(two.Value).not.toBe(one.Value);
  });

  test('both copies record on one tape, which one pass empties', async () => {
    const two = await secondCopy();
    const before = tapeSize();
    const y = new one.Value(2).mul(new two.Value(3));
    const z = two.sum([y, y]);
    expect(tape.slice(before, tapeSize())).toEqual([y, z]);
    z.backward();
    expect(tapeSize()).toBe(0);
  });

  test('backward gives the same gradients as a single copy, from either copy, on the tape and off it', async () => {
    const two = await secondCopy();
    for (const passes of [1, 2]) {
      const expected = gradients(one, one, passes);
      expect(expected.every((g) => g !== 0)).toBe(true); // every parameter matters to the loss
      expect(gradients(one, two, passes)).toEqual(expected);
      expect(gradients(two, one, passes)).toEqual(expected);
    }
  });

  test('a graph made partly before another copy ran a pass still gets every gradient', async () => {
    const two = await secondCopy();
    const a = new one.Value(2);
    const early = a.mul(3); // taped, then dropped from the tape by the pass below
    two.value(1).mul(2).backward();
    const late = early.mul(new two.Value(5)).add(a);
    late.backward();
    expect(a.grad).toBe(3 * 5 + 1);
  });

  test('noGrad of one copy stops the other copy recording too', async () => {
    const two = await secondCopy();
    const x = new two.Value(2);
    const [y, recording] = one.noGrad(() => [x.mul(x), two.isGradEnabled()] as const);
    expect([y.op, recording, two.isGradEnabled()]).toEqual([one.Op.Leaf, false, true]);
  });

  test('a Value of a copy with another node layout is refused by ops, naming the fix', () => {
    // what a future copy whose nodes this one cannot read looks like: the brand holds its layout
    const alien = {
      [Symbol.for('etagrad.Value')]: 4,
      data: 3,
      grad: 0,
      toString: () => 'Value(data=3, grad=0)',
    } as unknown as one.Value;
    expect(one.isValue(alien)).toBe(true);
    const fix = '`npm ls @etagrad/autograd` lists the copies; `npm dedupe` merges them';
    expect(() => new one.Value(1).add(alien)).toThrow(
      new TypeError(`Value.add: other must be a Value of node layout 3, got Value(data=3, grad=0) of layout 4, from an incompatible copy of @etagrad/autograd (${fix})`),
    );
    expect(() => one.sum([1, alien])).toThrow(/^sum: values\[1\] must be a Value of node layout 3, .* of layout 4, from an incompatible copy/);
    expect(() => one.zeroGrad([alien])).toThrow(/^zeroGrad: values\[0\] must be a Value of node layout 3, /);
  });
});
