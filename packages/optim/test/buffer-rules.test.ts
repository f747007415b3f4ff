import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  Adadelta,
  adadeltaDefinition,
  Adagrad,
  adagradDefinition,
  Adam,
  adamDefinition,
  Adamax,
  adamaxDefinition,
  AdamW,
  adamwDefinition,
  type BufferRule,
  type Buffers,
  type CommonHyper,
  lionDefinition,
  loadStateDict,
  NAdam,
  nadamDefinition,
  type Optimizer,
  OptimizerBase,
  type Options,
  type OptimizerDefinition,
  type Param,
  RAdam,
  radamDefinition,
  RMSprop,
  rmspropDefinition,
  sgdDefinition,
  type SgdHyper,
  stateDict,
} from '@etagrad/optim';

const paramsAt = (data: readonly number[]): Param[] => data.map((x) => ({ data: x, grad: 0 }));
type State = Record<string, any>;
const roundTrip = (opt: Optimizer): State => JSON.parse(JSON.stringify(stateDict(opt))) as State;

describe('a saved buffer outside the domain its formula keeps it in is refused, and nothing changes', () => {
  // No update makes these values. Most would reach the parameters at the next one: the square
  // root of a negative average is NaN, and a NAdam product of μ's of 1/μ_t (saved after update
  // t − 1) makes the denominator 1 − Π·μ_t 0.
  const nonNegative = 'a finite number >= 0';
  const cases: [string, string, number, string, (params: Param[]) => Optimizer][] = [
    ['Adam', 'expAvgSq', -1, nonNegative, (p) => new Adam(p)],
    ['Adam (AMSGrad)', 'maxExpAvgSq', -1e-300, nonNegative, (p) => new Adam(p, { amsgrad: true })],
    ['AdamW', 'expAvgSq', -0.5, nonNegative, (p) => new AdamW(p)],
    ['Adagrad', 'sum', -1, nonNegative, (p) => new Adagrad(p)],
    ['RMSprop', 'squareAvg', -1, nonNegative, (p) => new RMSprop(p)],
    ['Adadelta', 'squareAvg', -1, nonNegative, (p) => new Adadelta(p)],
    ['Adadelta', 'accDelta', -1, nonNegative, (p) => new Adadelta(p)],
    ['Adamax', 'expInf', -1, nonNegative, (p) => new Adamax(p)],
    ['NAdam', 'expAvgSq', -1, nonNegative, (p) => new NAdam(p)],
    ['NAdam', 'muProduct', 1.5, 'in [0, 1]', (p) => new NAdam(p)],
    ['NAdam', 'muProduct', -0.25, 'in [0, 1]', (p) => new NAdam(p)],
    ['NAdam', 'muProduct', 1 / (0.9 * (1 - 0.5 * 0.96 ** (2 * 0.004))), 'in [0, 1]', (p) => new NAdam(p)],
    ['RAdam', 'expAvgSq', -1, nonNegative, (p) => new RAdam(p)],
  ];
  test.each(cases)('%s: %s = %s', (_, key, bad, rule, make) => {
    const params = paramsAt([0.5, -2]);
    const opt = make(params);
    params.forEach((p) => (p.grad = 0.3));
    opt.step();
    const before = { state: stateDict(opt), data: params.map((p) => p.data) };
    const state = roundTrip(opt);
    state['buffers'][1][key] = bad;
    expect(() => loadStateDict(opt, state)).toThrow(new RangeError(`${opt.name}: state.buffers[1].${key} must be ${rule}, got ${bad}`));
    expect(stateDict(opt)).toEqual(before.state);
    expect(params.map((p) => p.data)).toEqual(before.data);
  });

  test('the message names a named parameter by its name, and the first bad buffer of several', () => {
    const opt = new Adam([['layer.bias', { data: 1, grad: 0 }]], { amsgrad: true });
    const state = roundTrip(opt);
    state['buffers']['layer.bias'] = { expAvg: 0, expAvgSq: -1, maxExpAvgSq: -2 };
    expect(() => loadStateDict(opt, state)).toThrow(
      new RangeError("Adam: state.buffers['layer.bias'].expAvgSq must be a finite number >= 0, got -1"),
    );
  });

  test('a buffer with no narrower domain still refuses a non-finite value, in the same words as before', () => {
    const opt = new Adam(paramsAt([1]));
    const state = roundTrip(opt);
    state['buffers'][0].expAvg = Infinity;
    expect(() => loadStateDict(opt, state)).toThrow(new RangeError('Adam: state.buffers[0].expAvg must be a finite number, got Infinity'));
    state['buffers'][0].expAvg = 0;
    state['buffers'][0].expAvgSq = Infinity; // finite is required whatever the rule
    expect(() => loadStateDict(opt, state)).toThrow(new RangeError('Adam: state.buffers[0].expAvgSq must be a finite number >= 0, got Infinity'));
  });
});

describe('a state whose buffers are within their domains never puts a non-finite number into a parameter', () => {
  /** An optimizer over `definition` with `options` (and lr 0.01), and its buffers' rules. */
  const variant = <H extends CommonHyper, S extends Buffers, C>(definition: OptimizerDefinition<H, S, C>, options: Options<H> = {}) =>
    [
      `${definition.name} ${JSON.stringify(options)}`,
      (params: Param[]): Optimizer => new OptimizerBase(definition, params, { lr: 0.01, ...options }),
      (definition.bufferRules ?? {}) as Readonly<Record<string, BufferRule | undefined>>,
    ] as const;
  // Every built-in definition, with the options that take other branches of its formula.
  const variants = [
    variant(sgdDefinition, { momentum: 0.9, nesterov: true }),
    variant(adagradDefinition),
    variant(adagradDefinition, { epsPlacement: 'inside', lrDecay: 0.1 }),
    variant(rmspropDefinition, { momentum: 0.5 }),
    variant(rmspropDefinition, { centered: true, epsPlacement: 'inside' }),
    variant(adamDefinition, { amsgrad: true }),
    variant(adamDefinition, { amsgrad: true, amsgradMax: 'corrected', epsPlacement: 'hat' }),
    variant(adamwDefinition),
    variant(adamaxDefinition),
    variant(adamaxDefinition, { epsPlacement: 'outside' }),
    variant(nadamDefinition),
    variant(nadamDefinition, { momentumSchedule: 'constant', betas: [0.99, 0.999] }),
    variant(nadamDefinition, { momentumDecay: 5, betas: [0, 0.9] }),
    variant(radamDefinition),
    variant(adadeltaDefinition),
    variant(lionDefinition),
  ];
  // Any number of either sign (and the boundaries 0 and 1), kept to those the definition's rule
  // allows: without rules, negative averages would be drawn, and the property fails.
  const number = fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1));
  const gradient = fc.double({ min: -1e3, max: 1e3, noNaN: true });

  test.each(variants)('%s', (_, make, rules) => {
    const template = stateDict(make(paramsAt([0]))).buffers as Record<string, number | null>[];
    const entry = fc.record(
      Object.fromEntries(
        Object.entries(template[0] ?? {}).map(([key, fresh]) => {
          const rule = rules[key];
          const value = rule ? number.filter((x) => rule.valid(x)) : number;
          return [key, fresh === null ? fc.option(value, { nil: null }) : value];
        }),
      ),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 2 }), fc.nat(10_000), fc.tuple(gradient, gradient), (buffers, stepCount, grads) => {
        const params = paramsAt([0.5, -2]);
        const opt = make(params);
        loadStateDict(opt, { ...stateDict(opt), stepCount, buffers });
        params.forEach((p, i) => (p.grad = grads[i] ?? 0));
        opt.step();
        for (const p of params) expect(Number.isFinite(p.data)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("NAdam's product of μ's is in [0, 1], the domain it declares", () => {
  test('1 before the first update, 0 with β₁ = 0: both saved and loaded', () => {
    for (const betas of [[0.9, 0.999], [0, 0.999]] as const) {
      const params = paramsAt([1]);
      const opt = new NAdam(params, { betas });
      const fresh = stateDict(opt);
      expect(fresh.buffers).toEqual([{ expAvg: 0, expAvgSq: 0, muProduct: 1 }]);
      params[0]!.grad = 1;
      opt.step();
      const after = stateDict(opt);
      expect((after.buffers as Buffers[])[0]?.['muProduct']).toBe(betas[0] === 0 ? 0 : 0.9 * (1 - 0.5 * 0.96 ** 0.004));
      const twin = new NAdam(paramsAt([1]), { betas });
      loadStateDict(twin, JSON.parse(JSON.stringify(fresh)));
      loadStateDict(twin, JSON.parse(JSON.stringify(after)));
      expect(stateDict(twin)).toEqual(after);
    }
  });

  test('stays in [0, 1) on any run, for any β₁ in [0, 1), ψ and schedule', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.constantFrom('dozat' as const, 'constant' as const),
        fc.integer({ min: 1, max: 300 }),
        (beta1, momentumDecay, momentumSchedule, updates) => {
          const params = paramsAt([1]);
          const opt = new NAdam(params, { betas: [beta1, 0.999], momentumDecay, momentumSchedule });
          for (let k = 0; k < updates; k++) {
            params[0]!.grad = Math.sin(k);
            opt.step();
          }
          const product = (stateDict(opt).buffers as Buffers[])[0]?.['muProduct'];
          expect(product).toBeGreaterThanOrEqual(0);
          expect(product).toBeLessThan(1);
          expect(Number.isFinite(params[0]!.data)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('a definition of your own declares its buffers\' domains', () => {
  /** SGD with a buffer of its own: a running count of updates, which must be a whole number >= 0. */
  const counting = (bufferRules: unknown, start = 0): OptimizerDefinition<SgdHyper, { momentumBuffer: number | null; count: number }> => ({
    ...sgdDefinition,
    name: 'Counting',
    buffers: () => ({ momentumBuffer: null, count: start }),
    update: (s, data, grad, h) => {
      s.count += 1;
      return data - h.lr * grad;
    },
    bufferRules: bufferRules as never,
  });
  const wholeCount = { count: { rule: 'an integer >= 0', valid: (x: number) => Number.isInteger(x) && x >= 0 } };

  test('a loaded state is checked against them, the message in their words', () => {
    const opt = new OptimizerBase(counting(wholeCount), paramsAt([1]), { lr: 0.1 });
    opt.step();
    const state = roundTrip(opt);
    expect(state['buffers']).toEqual([{ momentumBuffer: null, count: 1 }]);
    state['buffers'][0].count = 0.5;
    expect(() => loadStateDict(opt, state)).toThrow(new RangeError('Counting: state.buffers[0].count must be an integer >= 0, got 0.5'));
    state['buffers'][0].count = 2;
    loadStateDict(opt, state);
    expect((stateDict(opt).buffers as Buffers[])[0]).toEqual({ momentumBuffer: null, count: 2 });
  });

  test.each([
    ['a rule for no buffer, with the nearest name', { cuont: wholeCount.count }, 0,
      new TypeError("Counting: unknown key 'cuont' in definition.bufferRules (did you mean 'count'?); keys are momentumBuffer, count")],
    ['a rule that is not one', { count: 'an integer' }, 0,
      new TypeError("Counting: definition.bufferRules.count must be a buffer rule { rule, valid }, got 'an integer'")],
    ['rules that are not an object', 5, 0, new TypeError('Counting: definition.bufferRules must be an object, got 5')],
    ['fresh buffers outside their own rules (a state saved before the first update would not load)', wholeCount, -1,
      new RangeError('Counting: definition.buffers().count must be an integer >= 0, got -1')],
  ])('refused before the state when one is loaded: %s', (_, rules, start, error) => {
    const opt = new OptimizerBase(counting(rules, start), paramsAt([1]), { lr: 0.1 });
    const state = { ...roundTrip(opt), buffers: [{ momentumBuffer: null, count: 1 }] };
    expect(() => loadStateDict(opt, state)).toThrow(error);
    expect((stateDict(opt).buffers as Buffers[])[0]).toEqual({ momentumBuffer: null, count: start });
  });

  test('without rules, every buffer may be any finite number (or null where fresh buffers hold null)', () => {
    const opt = new OptimizerBase(counting(undefined), paramsAt([1]), { lr: 0.1 });
    const state = roundTrip(opt);
    state['buffers'][0] = { momentumBuffer: -3, count: -0.5 };
    loadStateDict(opt, state);
    expect((stateDict(opt).buffers as Buffers[])[0]).toEqual({ momentumBuffer: -3, count: -0.5 });
    state['buffers'][0].momentumBuffer = 'x';
    expect(() => loadStateDict(opt, state)).toThrow(new TypeError("Counting: state.buffers[0].momentumBuffer must be a number, got 'x'"));
  });
});
