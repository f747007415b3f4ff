// bench/'s micrograd demo (its data and initial weights) in the layout the playground reads.
import { demoData, demoModel } from '../../../bench/model.js';
import type { MicrogradDemo } from '../src/micrograd-demo.js';

/** bench/'s demo data (labels ±1 made 0/1) and weights, per layer `{ weight, bias }` flat. */
export function microgradDemoFromBench(): MicrogradDemo {
  const data = demoData();
  const model = demoModel();
  return {
    x: data.x,
    y: data.y.map((label) => (label > 0 ? 1 : 0)),
    layers: model.layers.map((layer) => ({ weight: layer.flatMap((n) => n.w), bias: layer.map((n) => n.b) })),
  };
}
