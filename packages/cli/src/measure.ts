import { noGrad } from '@etagrad/autograd';
import type { Dataset, Module } from '@etagrad/nn';
import type { Task } from './setup.js';

/** Loss and accuracy of a model on a data set, in eval mode, with no graph recorded. */
export interface Measurement {
  readonly loss: number;
  readonly accuracy: number;
}

/** Measures `model` on all of `data` at once (the model is left in eval mode). */
export function measure(model: Module, data: Dataset, task: Task): Measurement {
  model.eval();
  return noGrad(() => {
    const outputs = data.x.map((x) => model.forward(x));
    return { loss: task.loss(outputs, data.y).data, accuracy: task.metric(outputs, data.y) };
  });
}
