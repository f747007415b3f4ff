import type { OptimizerDefinition } from './definition.js';
import { choice, type CommonHyper, commonTable, nonNegative, unitClosed, unitOpenPair, positive } from './hyper.js';
import { adamDenominator, ema } from './moments.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** NAdam's options as numbers at one update. */
export interface NadamHyper extends CommonHyper {
  /** [β₁, β₂], each in [0, 1); default [0.9, 0.999]. */
  betas: readonly [number, number];
  /** ε (after bias correction, as everywhere for NAdam): PyTorch and optax 1e-8, Keras 1e-7. */
  eps: number;
  /** optax's `eps_root`, under the square root; default 0. */
  epsRoot: number;
  /**
   * ψ in Dozat's momentum schedule `μ_t = β₁·(1 − ½·0.96^(t·ψ))`: PyTorch 0.004; Keras uses
   * `0.96^t`, i.e. ψ = 1.
   */
  momentumDecay: number;
  /**
   * `'dozat'` (PyTorch, Keras): μ_t follows the schedule above; `'constant'` (optax): μ_t = β₁,
   * which gives optax's `m̂ = β₁·m/(1 − β₁ᵗ⁺¹) + (1 − β₁)·g/(1 − β₁ᵗ)`.
   */
  momentumSchedule: 'dozat' | 'constant';
}

/** NAdam's buffers: m, v and the running product of μ's. */
export interface NadamBuffers {
  [key: string]: number;
  expAvg: number;
  expAvgSq: number;
  muProduct: number;
}

/** What every parameter of a group shares at update t: μ_t, μ_{t+1} and 1 − β₂ᵗ. */
export interface NadamStep {
  t: number;
  mu: number;
  muNext: number;
  bias2: number;
}

/**
 * Update t's momentum coefficients and second-moment bias correction, into `into` (default a new object).
 *
 * @param h - the group's options as numbers
 * @param t - the update number, 1 on the first update
 * @param into - the object to fill (default a new one)
 */
export function nadamStep(h: NadamHyper, t: number, into: NadamStep = { t: 0, mu: 0, muNext: 0, bias2: 0 }): NadamStep {
  const beta1 = h.betas[0];
  const constant = h.momentumSchedule === 'constant';
  into.t = t;
  into.mu = constant ? beta1 : beta1 * (1 - 0.5 * 0.96 ** (t * h.momentumDecay));
  into.muNext = constant ? beta1 : beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * h.momentumDecay));
  into.bias2 = 1 - h.betas[1] ** t;
  return into;
}

/**
 * PyTorch's NAdam (Dozat, 2016), one parameter, update t:
 *
 *     μ_t = β₁·(1 − ½·0.96^(t·ψ)),  μ_{t+1} likewise,  Π ← Π·μ_t
 *     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²,   D = √(v/(1 − β₂ᵗ)) + ε
 *     θ ← θ − γ·(1 − μ_t)/(1 − Π) · g/D − γ·μ_{t+1}/(1 − Π·μ_{t+1}) · m/D
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 * @param c - this update's μ_t, μ_{t+1} and 1 − β₂ᵗ (see `nadamStep`)
 */
export function nadamUpdate(s: NadamBuffers, data: number, grad: number, h: NadamHyper, c: NadamStep): number {
  const { mu, muNext } = c;
  s.muProduct *= mu;
  const muProductNext = s.muProduct * muNext;
  s.expAvg = ema(s.expAvg, grad, h.betas[0]);
  s.expAvgSq = ema(s.expAvgSq, grad * grad, h.betas[1]);
  const denominator = adamDenominator(s.expAvgSq, c.bias2, h.eps, h.epsRoot, false);
  const gradStep = ((h.lr * (1 - mu)) / (1 - s.muProduct)) * (grad / denominator);
  const momentumStep = ((h.lr * muNext) / (1 - muProductNext)) * (s.expAvg / denominator);
  return data - gradStep - momentumStep;
}

/** NAdam's definition: rules, PyTorch's defaults, the Keras and optax presets, the formula. */
export const nadamDefinition: OptimizerDefinition<NadamHyper, NadamBuffers, NadamStep> = {
  name: 'NAdam',
  table: {
    ...commonTable,
    betas: unitOpenPair,
    eps: positive,
    epsRoot: nonNegative,
    momentumDecay: nonNegative,
    momentumSchedule: choice(['dozat', 'constant']),
  },
  defaults: { lr: 0.002, betas: [0.9, 0.999], eps: 1e-8, epsRoot: 0, momentumDecay: 0.004, momentumSchedule: 'dozat' },
  presets: {
    keras: { lr: 0.001, eps: 1e-7, momentumDecay: 1 },
    optax: { lr: undefined, momentumSchedule: 'constant' },
  },
  buffers: () => ({ expAvg: 0, expAvgSq: 0, muProduct: 1 }),
  // v: an average of squares, under a square root. Π: a product of μ's, each in [0, β₁] with
  // β₁ < 1 (1 − ½·0.96^x is in [½, 1)), so Π is 1 before the first update (the empty product),
  // then in [0, 1) (0 with β₁ = 0, or underflowed after some 7000 updates). In [0, 1] it keeps
  // both denominators, 1 − Π·μ_t and 1 − Π·μ_t·μ_{t+1}, above 0; a Π of 1/μ_t makes one 0.
  bufferRules: { expAvgSq: nonNegative, muProduct: unitClosed },
  perUpdate: nadamStep,
  update: nadamUpdate,
};

/**
 * NAdam's options: each option of {@link NadamHyper} (a number may be a
 * `Schedule`; these are every group's defaults) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface NadamOptions extends Options<NadamHyper> {}

/**
 * NAdam: Adam with Nesterov momentum, PyTorch's formula (see `nadamUpdate`). Defaults
 * (PyTorch): lr 0.002, betas [0.9, 0.999], eps 1e-8, momentumDecay 0.004, weightDecay 0 (L2;
 * `decayMode: 'decoupled'` is PyTorch's `decoupled_weight_decay`).
 *
 * @example
 * const opt = new NAdam(model.parameters(), { lr: 0.002 });
 */
export class NAdam extends OptimizerBase<NadamHyper, NadamBuffers, NadamStep> {
  /**
   * A NAdam optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link NadamOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<NadamHyper>, options: NadamOptions = {}) {
    super(nadamDefinition, params, options);
  }
}
