import { isRecord } from '@etagrad/check';
import { fromSpec, isSchedule, shift, type Schedule } from '@etagrad/sched';
import type { Checkpoint } from '@etagrad/train';

// The learning rate inside a checkpoint: the optimizer's state (optim's plain-JSON stateDict)
// holds each group's lr as a number or a schedule's spec, and its step count.

/** A group's saved hyperparameters, as optim's state keeps them. */
type Group = { readonly hyper: Readonly<Record<string, unknown>> };

function groupsOf(checkpoint: Checkpoint): readonly Group[] {
  const state = checkpoint.optimizer.state;
  const groups = isRecord(state) ? state['groups'] : undefined;
  return Array.isArray(groups) ? groups.filter((g): g is Group => isRecord(g) && isRecord(g['hyper'])) : [];
}

/**
 * The updates the checkpoint's optimizer has made (its step count): the step number of the first
 * resumed update.
 *
 * @param checkpoint - a checkpoint written by `fit`
 */
export function savedUpdates(checkpoint: Checkpoint): number {
  const state = checkpoint.optimizer.state;
  const steps = isRecord(state) ? state['stepCount'] : undefined;
  return typeof steps === 'number' && Number.isSafeInteger(steps) && steps >= 0 ? steps : 0;
}

/**
 * The learning rate the checkpoint's run goes on with (its first group's): a number, or the
 * schedule rebuilt from its spec (read at the optimizer's step numbers); `null` when the state
 * holds none that can be read (then the optimizer refuses the state on resume anyway).
 *
 * @param checkpoint - a checkpoint written by `fit`
 */
export function savedLearningRate(checkpoint: Checkpoint): number | Schedule | null {
  const lr = groupsOf(checkpoint)[0]?.hyper['lr'];
  if (typeof lr === 'number') return lr;
  try {
    return fromSpec(lr);
  } catch {
    return null;
  }
}

/**
 * The learning rate a resumed run uses when `--lr` is given: a number as it is; a schedule
 * shifted so that its step 0 is the first resumed update (`shift(lr, updates)`), so that
 * `--lr "cosine({ initial: 0.01, steps: 200 })"` decays over the next 200 updates.
 *
 * @param lr - the rate given
 * @param updates - the updates the checkpoint has made
 */
export function resumedLearningRate(lr: number | Schedule, updates: number): number | Schedule {
  return isSchedule(lr) && updates > 0 ? shift(lr, updates) : lr;
}

/**
 * The checkpoint with every group's lr replaced by `lr` (a number, or a schedule's spec): what the
 * optimizer restores from it then trains with that rate. Nothing else changes.
 *
 * @param checkpoint - a checkpoint written by `fit`
 * @param lr - the rate to go on with, from {@link resumedLearningRate}
 */
export function withLearningRate(checkpoint: Checkpoint, lr: number | Schedule): Checkpoint {
  const state = checkpoint.optimizer.state;
  if (!isRecord(state)) return checkpoint;
  const saved = isSchedule(lr) ? lr.spec : lr;
  const groups = groupsOf(checkpoint).map((group) => ({ ...group, hyper: { ...group.hyper, lr: saved } }));
  return { ...checkpoint, optimizer: { ...checkpoint.optimizer, state: { ...state, groups } } };
}
