// The eager step written as gradient accumulation: the same loss and gradient as eager.ts's
// (up to rounding), but a backward per point (its hinge scaled by 1/n, as the mean would) and one
// for the weight decay, so that each graph is a few hundred nodes that die young instead of one
// graph of the whole batch that the collector copies and promotes. Not what the targets of issue
// 11 are measured on (eager.ts is); run beside it to show what a step costs without that graph.
import { zeroGrad } from '@etagrad/autograd';
import { engineDecay, engineHinge, engineModel, engineScore, type EngineModel } from '../engine-step.js';
import { accuracy, dataOf, modelOf, type Trainer, type Workload } from './workload.js';

export const name = '@etagrad/autograd (eager, a backward per sample)';

export function createTrainer(workload: Workload): Trainer {
  const data = dataOf(workload);
  const n = data.x.length;
  const hinges = new Array<number>(n);
  const scores = new Array<number>(n);
  let model: EngineModel = engineModel(modelOf(workload));
  return {
    step(_k, lr) {
      zeroGrad(model.parameters);
      for (let i = 0; i < n; i++) {
        const score = engineScore(model, data.x[i] as readonly number[]);
        const hinge = engineHinge(score, data.y[i] as number);
        hinge.mul(1 / n).backward();
        scores[i] = score.data;
        hinges[i] = hinge.data;
      }
      const decay = engineDecay(model.parameters);
      decay.backward();
      let total = 0;
      for (const h of hinges) total += h;
      for (const p of model.parameters) p.data -= lr * p.grad;
      return { loss: total / n + decay.data, acc: accuracy(scores, data.y) };
    },
    reset() {
      model = engineModel(modelOf(workload));
    },
    // a step makes one small graph per point, not one graph
    nodesPerStep: () => null,
  };
}
