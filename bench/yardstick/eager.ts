// The yardstick trainer for the eager engine: micrograd's step as a user writes it with
// @etagrad/autograd (bench/engine-step.ts), timed by ../shared/yardstick/compare.mjs.
import { zeroGrad } from '@etagrad/autograd';
import { engineGraph, engineModel, opNodes, type EngineModel } from '../engine-step.js';
import { accuracy, dataOf, modelOf, type Trainer, type Workload } from './workload.js';

export const name = '@etagrad/autograd (eager)';

export function createTrainer(workload: Workload): Trainer {
  const data = dataOf(workload);
  const y = workload.y;
  let model: EngineModel = engineModel(modelOf(workload));
  let stepped = false;
  return {
    step(_k, lr) {
      const { loss, scores } = engineGraph(model, data);
      zeroGrad(model.parameters);
      loss.backward();
      for (const p of model.parameters) p.data -= lr * p.grad;
      stepped = true;
      return { loss: loss.data, acc: accuracy(scores.map((s) => s.data), y) };
    },
    reset() {
      model = engineModel(modelOf(workload));
    },
    // counted on a graph built for the purpose: a step keeps no graph alive after it (holding
    // the last loss would keep its whole graph for the collector to copy: 5-8% of a step)
    nodesPerStep: () => (stepped ? opNodes(engineGraph(model, data).loss) : null),
  };
}
