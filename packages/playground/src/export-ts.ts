// A lane as a TypeScript script that trains the same run in Node with the packages and train's
// `fit`: the data and the initial weights are written as numbers, so Node starts from exactly
// what the page trained on.
import type { StateDict } from '@etagrad/nn';
import type { PlaygroundConfig } from './config.js';
import { losses } from './loss.js';
import { constructorOptions, defaultOptions } from './optimizers.js';

/** What a script needs of a lane. */
export interface LaneRecipe {
  readonly config: PlaygroundConfig;
  readonly multiplier: number;
  readonly data: { readonly x: readonly (readonly number[])[]; readonly y: readonly number[] };
  readonly initial: StateDict;
  readonly batchSize: number;
  readonly shuffle: boolean;
}

const lossImport = { hinge: 'hinge', bce: 'bceWithLogits', mse: 'mse' } as const satisfies Record<keyof typeof losses, string>;

/**
 * The script's text. Run it with `npx tsx lane.ts` where the etagrad packages are installed; it
 * prints the last update's step and loss as JSON.
 *
 * @param recipe - the lane
 */
export function exportTypeScript(recipe: LaneRecipe): string {
  const { config, multiplier, data, initial, batchSize, shuffle } = recipe;
  const perEpoch = Math.ceil(data.x.length / batchSize);
  const epochs = Math.ceil(config.steps / perEpoch);
  const lossName = lossImport[config.loss];
  const lr = multiplier === 1 ? `parse(${JSON.stringify(config.schedule)})` : `scale(parse(${JSON.stringify(config.schedule)}), ${multiplier})`;
  // The options as the page's optimizer has them: a link's lane may give some, the rest are the defaults.
  const { lr: _, ...options } = constructorOptions({ ...defaultOptions(config.optimizer), ...config.options }, 0);
  const optionText = Object.entries(options).map(([k, v]) => `, ${k}: ${JSON.stringify(v)}`).join('');
  const penalty = config.l2 === 0 ? `${lossName}(outputs, targets)` : `${lossName}(outputs, targets).add(l2(parameters).mul(${config.l2}))`;
  return `// etagrad playground: lane ×${multiplier} of ${config.lesson === null ? 'a run' : `lesson ${config.lesson.replace(/[\n\r\u2028\u2029]/g, ' ')}`}, as a script.
// Run: npx tsx lane.ts   (prints the last update's step and loss)
import { MLP, ${lossName}, l2, type Loss } from '@etagrad/nn';
import { ${config.optimizer} } from '@etagrad/optim';
import { parse${multiplier === 1 ? '' : ', scale'} } from '@etagrad/sched';
import { fit } from '@etagrad/train';

// The training set as the page had it (labels in the loss's space).
const data = ${JSON.stringify({ x: data.x, y: data.y })};
// The initial weights (model.stateDict() before the first update).
const initial = ${JSON.stringify(initial)};

const model = new MLP(2, ${JSON.stringify([...config.model.hidden, 1])}, { activation: ${JSON.stringify(config.model.activation)} });
model.loadStateDict(initial);
const parameters = model.parameters();
const loss: Loss = (outputs, targets) => ${penalty};
const optimizer = new ${config.optimizer}(parameters, { lr: ${lr}${optionText} });
const history = fit(model, {
  data,
  loss,
  optimizer,
  epochs: ${epochs},
  batchSize: ${batchSize},
  shuffle: ${shuffle},
  seed: ${config.seed},
  progress: false,
});
const steps = history.steps.slice(0, ${config.steps});
const last = steps.at(-1);
console.log(JSON.stringify({ step: last?.step ?? null, loss: last?.loss ?? null, stopped: history.stopped?.message ?? null }));
`;
}
