import { thrownMessage } from '@etagrad/check';
import type { Config, Json } from './space.js';

/** How a trial ended: `ok`; `diverged` (non-finite score, or training diverged); `failed` (the objective threw); `pruned` (successive halving stopped it early). */
export type TrialStatus = 'ok' | 'diverged' | 'failed' | 'pruned';

/** What an objective returns: a score, or a score with anything else worth keeping (plain JSON). `diverged: true` marks a run that diverged. */
export type ObjectiveResult = number | { readonly score: number; readonly diverged?: boolean; readonly [extra: string]: Json | undefined };

/**
 * A trial's work: train with `config` for `budget` (epochs, by convention) and return a score.
 * May be async.
 *
 * @param config - the trial's hyperparameters
 * @param budget - how much to train, in epochs by convention
 */
export type Objective = (config: Config, budget: number) => ObjectiveResult | Promise<ObjectiveResult>;

/** One run of the objective on one config at one budget. Plain JSON: a journal line. */
export interface Evaluation {
  /** The trial's index in the search (its config's position). */
  readonly index: number;
  readonly budget: number;
  readonly status: 'ok' | 'diverged' | 'failed';
  /** The score; null when not finite or the objective failed. */
  readonly score: number | null;
  /** Seconds the objective ran. */
  readonly time: number;
  /** What the objective returned besides its score. */
  readonly extras: { readonly [key: string]: Json };
  /** The message of what the objective threw, for `failed`. */
  readonly error?: string;
}

/** One rung of a successive-halving trial. */
export interface Rung {
  readonly budget: number;
  readonly score: number | null;
  readonly status: Evaluation['status'];
}

/** What a search records about one config. */
export interface TrialRecord {
  readonly index: number;
  readonly config: Config;
  readonly status: TrialStatus;
  /** The score at the last budget it ran; null when not finite or failed. */
  readonly score: number | null;
  /** The budget it reached. */
  readonly budget: number;
  /** Seconds its evaluations took in total. */
  readonly time: number;
  readonly extras: { readonly [key: string]: Json };
  readonly error?: string;
  /** Successive halving: every budget it ran at, in order. */
  readonly rungs?: readonly Rung[];
}

/**
 * What a search returns: one record per config, in config order, and the best `ok` one. A
 * search stopped by its `signal` holds only the trials that finished, and `stopped: true`.
 */
export interface SearchResult {
  readonly trials: TrialRecord[];
  readonly best: TrialRecord | null;
  /** Present (true) when the search's `signal` stopped it before every trial finished. */
  readonly stopped?: true;
}

/**
 * The evaluation of what an objective returned (or threw): a finite score is `ok`, a
 * non-finite one or `diverged: true` is `diverged`, anything else `failed` with a message.
 *
 * @param index The trial.
 * @param budget Its budget.
 * @param outcome `{ value }` returned, or `{ error }` thrown.
 * @param time Seconds it ran.
 */
export function evaluationOf(index: number, budget: number, outcome: { value: unknown } | { error: unknown }, time: number): Evaluation {
  const base = { index, budget, time };
  if ('error' in outcome) {
    return { ...base, status: 'failed', score: null, extras: {}, error: thrownMessage(outcome.error) };
  }
  const { value } = outcome;
  if (typeof value === 'number') return { ...base, ...scored(value, false), extras: {} };
  if (typeof value === 'object' && value !== null && typeof (value as { score?: unknown }).score === 'number') {
    const { score, diverged, ...extras } = value as { score: number; diverged?: unknown };
    return { ...base, ...scored(score, diverged === true), extras: JSON.parse(JSON.stringify(extras)) as Evaluation['extras'] };
  }
  const got = typeof value === 'object' && value !== null ? `an object with keys ${Object.keys(value).join(', ') || 'none'}` : String(value);
  return { ...base, status: 'failed', score: null, extras: {}, error: `objective must return a number or { score }, got ${got}` };
}

function scored(score: number, diverged: boolean): Pick<Evaluation, 'status' | 'score'> {
  if (!Number.isFinite(score)) return { status: 'diverged', score: null };
  return { status: diverged ? 'diverged' : 'ok', score };
}

/** What ranking reads of an evaluation or a trial. */
type Ranked = { readonly status: string; readonly score: number | null; readonly budget: number };

/** Better first: ok trials by score in `direction`, then the rest. */
export function rankValue(evaluation: Omit<Ranked, 'budget'>, direction: 'min' | 'max'): number {
  if (evaluation.status !== 'ok' || evaluation.score === null) return Infinity;
  return direction === 'min' ? evaluation.score : -evaluation.score;
}

/** Whether `a` beats `b` (or `b` is none) for the best so far: an ok result at a higher budget, or at the same budget with a better score. */
export function beats(a: Ranked, b: Ranked | null, direction: 'min' | 'max'): boolean {
  if (a.status !== 'ok') return false;
  if (b === null || a.budget > b.budget) return true;
  return a.budget === b.budget && rankValue(a, direction) < rankValue(b, direction);
}
