import type { Config } from './space.js';
import type { Job, Scheduler } from './scheduler.js';
import { rankValue, type Evaluation, type Rung, type TrialRecord, type TrialStatus } from './trial.js';

/** Options of {@link ashaScheduler}, checked by the caller. */
export interface AshaPlan {
  readonly trials: number;
  /** The budget of each rung, increasing; the last is the maximum. */
  readonly budgets: readonly number[];
  readonly eta: number;
  readonly direction: 'min' | 'max';
}

/**
 * The rung budgets of successive halving: `min(maxBudget, minBudget * eta^k)` for k = 0, 1, ...
 * up to the first that reaches `maxBudget`.
 *
 * @param minBudget The first rung's budget.
 * @param maxBudget The last rung's budget.
 * @param eta The factor between rungs.
 */
export function rungBudgets(minBudget: number, maxBudget: number, eta: number): number[] {
  const budgets = [minBudget];
  while ((budgets.at(-1) ?? maxBudget) < maxBudget) budgets.push(Math.min(maxBudget, (budgets.at(-1) ?? 0) * eta));
  return budgets;
}

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018) with its promotions decided in a fixed
 * order, so that the same seed gives the same trials whatever the number of workers or their speed.
 *
 * Every trial starts at the first rung. The trials that reach rung k are numbered in the order
 * they were promoted into it (trial order at rung 0). Once the first m of them have results, the
 * best `floor(m / eta)` of those m are promoted to rung k + 1 (those not promoted yet), as ASHA
 * promotes from the top 1/eta of a rung as results come in; a trial that diverged or failed ends
 * there. When a rung can get no more results, its trials that were never promoted are `pruned`.
 * The price of the fixed order: a promotion waits for the results of the trials before it in its
 * rung, while rung-0 trials keep the workers busy. Promotions run before new rung-0 trials.
 *
 * @param plan Trials, rung budgets, eta and direction.
 */
export function ashaScheduler(plan: AshaPlan): Scheduler {
  const top = plan.budgets.length - 1;
  const members: number[][] = plan.budgets.map((_, k) => (k === 0 ? Array.from({ length: plan.trials }, (_, i) => i) : []));
  const results: Map<number, Evaluation>[] = plan.budgets.map(() => new Map());
  const decided = plan.budgets.map(() => 0); // members of each rung whose results were ranked
  const promoted: Set<number>[] = plan.budgets.map(() => new Set());
  const pending: number[][] = plan.budgets.map((_, k) => (k === 0 ? [...(members[0] ?? [])] : []));
  const final = new Map<number, TrialStatus>();
  const closed = plan.budgets.map(() => false);
  const evaluations = new Map<number, Evaluation[]>();

  const at = <T>(xs: readonly T[], k: number): T => xs[k] as T; // k is a rung index: in range by construction

  function decide(k: number): void {
    const rung = at(members, k);
    const scores = at(results, k);
    while (at(decided, k) < rung.length && scores.has(at(rung, at(decided, k)))) {
      decided[k] = at(decided, k) + 1;
      if (k === top) continue;
      const m = at(decided, k);
      const ranked = rung
        .slice(0, m)
        .filter((index) => scores.get(index)?.status === 'ok')
        .sort((a, b) => rankValue(scores.get(a) as Evaluation, plan.direction) - rankValue(scores.get(b) as Evaluation, plan.direction) || a - b)
        .slice(0, Math.floor(m / plan.eta));
      for (const index of ranked) {
        if (at(promoted, k).has(index)) continue;
        at(promoted, k).add(index);
        at(members, k + 1).push(index);
        at(pending, k + 1).push(index);
      }
    }
    closeRungs();
  }

  function closeRungs(): void {
    plan.budgets.forEach((_, k) => {
      const previousClosed = k === 0 || at(closed, k - 1);
      if (at(closed, k) || !previousClosed || at(decided, k) < at(members, k).length) return;
      closed[k] = true;
      if (k === top) return;
      for (const index of at(members, k)) if (!at(promoted, k).has(index) && !final.has(index)) final.set(index, 'pruned');
    });
  }

  return {
    next(): Job | null {
      for (let k = top; k >= 0; k--) {
        const index = at(pending, k).shift();
        if (index !== undefined) return { index, budget: at(plan.budgets, k) };
      }
      return null;
    },
    report(evaluation) {
      const k = plan.budgets.indexOf(evaluation.budget);
      const { index } = evaluation;
      at(results, k).set(index, evaluation);
      evaluations.set(index, [...(evaluations.get(index) ?? []), evaluation]);
      if (evaluation.status !== 'ok') final.set(index, evaluation.status);
      else if (k === top) final.set(index, 'ok');
      decide(k);
    },
    finished: () => final.size,
    done: () => final.size === plan.trials,
    records(configs): TrialRecord[] {
      return configs.flatMap((config, index) => {
        const status = final.get(index);
        if (status === undefined) return [];
        const runs = (evaluations.get(index) ?? []).sort((a, b) => a.budget - b.budget);
        const last = runs.at(-1) as Evaluation; // a trial with a final status ran at least its first rung
        return [{
          index,
          config,
          status,
          score: last.score,
          budget: last.budget,
          time: runs.reduce((sum, run) => sum + run.time, 0),
          extras: last.extras,
          ...(last.error === undefined ? {} : { error: last.error }),
          rungs: runs.map(({ budget, score, status }): Rung => ({ budget, score, status })),
        }];
      });
    },
  };
}
