import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, Lion, loadStateDict, NAdam, type Optimizer, type Param, RAdam, RMSprop, SGD, stateDict } from '@etagrad/optim';

const all: [string, (params: Param[], lr: number) => Optimizer][] = [
  ['SGD', (p, lr) => new SGD(p, { lr, momentum: 0.9 })],
  ['Adagrad', (p, lr) => new Adagrad(p, { lr })],
  ['RMSprop', (p, lr) => new RMSprop(p, { lr, centered: true, momentum: 0.5 })],
  ['Adam', (p, lr) => new Adam(p, { lr, amsgrad: true })],
  ['AdamW', (p, lr) => new AdamW(p, { lr })],
  ['Adamax', (p, lr) => new Adamax(p, { lr })],
  ['NAdam', (p, lr) => new NAdam(p, { lr })],
  ['RAdam', (p, lr) => new RAdam(p, { lr })],
  ['Adadelta', (p, lr) => new Adadelta(p, { lr })],
  ['Lion', (p, lr) => new Lion(p, { lr, weightDecay: 0.1 })],
];

const gradientRows = fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })), {
  minLength: 1,
  maxLength: 12,
});

/** Make an optimizer over two parameters and step it through `rows` of gradients. */
function runRows(make: (params: Param[], lr: number) => Optimizer, lr: number, rows: readonly (readonly [number, number])[]) {
  const params = [{ data: 0.5, grad: 0 }, { data: -2, grad: 0 }];
  const opt = make(params, lr);
  for (const row of rows) {
    params.forEach((p, i) => (p.grad = row[i] ?? 0));
    opt.step();
  }
  return { params, opt };
}

test('with lr 0 no optimizer moves a parameter, whatever the gradients', () => {
  fc.assert(
    fc.property(gradientRows, (rows) => {
      for (const [, make] of all) {
        const { params } = runRows(make, 0, rows);
        expect(params.map((p) => p.data)).toEqual([0.5, -2]);
      }
    }),
    { numRuns: 30 },
  );
});

test('stateDict survives JSON and a load unchanged, whatever the gradients', () => {
  fc.assert(
    fc.property(gradientRows, (rows) => {
      for (const [, make] of all) {
        const state = stateDict(runRows(make, 0.01, rows).opt);
        const twin = make([{ data: 0, grad: 0 }, { data: 0, grad: 0 }], 1);
        loadStateDict(twin, JSON.parse(JSON.stringify(state)));
        expect(stateDict(twin)).toEqual(state);
      }
    }),
    { numRuns: 30 },
  );
});
