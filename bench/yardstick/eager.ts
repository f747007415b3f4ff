// The yardstick trainer for the eager engine: micrograd's step as a user writes it with
// @etagrad/autograd (bench/engine-step.ts), timed by ../shared/yardstick/compare.mjs.
import { zeroGrad, type Value } from '@etagrad/autograd';
import { engineGraph, engineModel, opNodes, type EngineModel } from '../engine-step.js';
import { accuracy, dataOf, modelOf, type Trainer, type Workload } from './workload.js';

export const name = '@etagrad/autograd (eager)';

export function createTrainer(workload: Workload): Trainer {
  const data = dataOf(workload);
  const y = workload.y;
  let model: EngineModel = engineModel(modelOf(workload));
  let last: Value | null = null;
  return {
    step(_k, lr) {
      const { loss, scores } = engineGraph(model, data);
      zeroGrad(model.parameters);
      loss.backward();
      for (const p of model.parameters) p.data -= lr * p.grad;
      last = loss;
      return { loss: loss.data, acc: accuracy(scores.map((s) => s.data), y) };
    },
    reset() {
      model = engineModel(modelOf(workload));
    },
    nodesPerStep: () => (last === null ? null : opNodes(last)),
  };
}
