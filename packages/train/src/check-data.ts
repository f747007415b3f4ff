import { noGrad } from '@etagrad/autograd';
import { bce, bceWithLogits, crossEntropy, hinge, nll, type Dataset, type Loss, type Module } from '@etagrad/nn';
import { show } from './check.js';

/**
 * Checks every row and target of `data` (named `name`) before any training: rows of the same
 * width with finite numbers, targets finite numbers (or arrays of them, for several outputs).
 * A bad value is named by its place in the user's data: `fit: data.x[350][1] must be a finite
 * number, got NaN`.
 */
export function checkDataValues(owner: string, name: string, data: Dataset): void {
  const width = rowWidth(owner, `${name}.x[0]`, data.x[0]);
  data.x.forEach((row, i) => {
    const where = `${name}.x[${i}]`;
    if (rowWidth(owner, where, row) !== width) {
      throw new RangeError(`${owner}: ${where} must have ${width} features, as ${name}.x[0] has, got ${(row as unknown[]).length}`);
    }
    for (let j = 0; j < width; j++) checkFiniteValue(owner, `${where}[${j}]`, row[j]);
  });
  data.y.forEach((target: unknown, i) => {
    const where = `${name}.y[${i}]`;
    if (Array.isArray(target)) target.forEach((t: unknown, j) => checkFiniteValue(owner, `${where}[${j}]`, t));
    else checkFiniteValue(owner, where, target);
  });
}

function rowWidth(owner: string, where: string, row: unknown): number {
  if (!Array.isArray(row)) throw new TypeError(`${owner}: ${where} must be an array of features, got ${show(row)}`);
  return row.length;
}

function checkFiniteValue(owner: string, where: string, x: unknown): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`${owner}: ${where} must be a finite number, got ${show(x)}`);
}

/** nn's losses whose targets are labels, and the rule each label must meet. */
interface LabelRule {
  readonly loss: string;
  readonly rule: (classes: number) => string;
  readonly ok: (t: number, classes: number) => boolean;
}
const classIndex = (loss: string): LabelRule => ({
  loss,
  rule: (k) => `a class index, an integer in [0, ${k})`,
  ok: (t, k) => Number.isInteger(t) && t >= 0 && t < k,
});
const probability = (loss: string): LabelRule => ({ loss, rule: () => 'a label in [0, 1]', ok: (t) => t >= 0 && t <= 1 });
const labelRules = new Map<Loss, LabelRule>([
  [crossEntropy, classIndex('crossEntropy')],
  [nll, classIndex('nll')],
  [bce, probability('bce')],
  [bceWithLogits, probability('bceWithLogits')],
  [hinge, { loss: 'hinge', rule: () => 'a label -1, 0 or 1', ok: (t) => t === -1 || t === 0 || t === 1 }],
]);

/**
 * For nn's class losses, checks every label of `data` against the model's outputs (a class index
 * below their count for `crossEntropy` and `nll`, a label in [0, 1] for `bce`, ...), naming the
 * row: `fit: data.y[12] must be a class index, an integer in [0, 3) for crossEntropy, got 3`.
 * The count of outputs comes from one forward pass in eval mode, without a graph.
 */
export function checkLabels(owner: string, name: string, data: Dataset, loss: Loss, model: Module): void {
  const rules = labelRules.get(loss);
  if (rules === undefined) return;
  const classes = outputCount(model, data.x[0] ?? []);
  data.y.forEach((target, i) => {
    if (typeof target === 'number' && !rules.ok(target, classes)) {
      throw new RangeError(`${owner}: ${name}.y[${i}] must be ${rules.rule(classes)} for ${rules.loss}, got ${show(target)}`);
    }
  });
}

function outputCount(model: Module, row: readonly number[]): number {
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(() => model.forward(row)).length;
  } finally {
    if (wasTraining) model.train();
  }
}
