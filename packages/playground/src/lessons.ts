// The lessons: presets that set up one idea each, with two sentences of text.
import { defaultConfig, type PlaygroundConfig } from './config.js';

/** A preset and what it shows. */
export interface Lesson {
  readonly title: string;
  readonly text: string;
  readonly config: PlaygroundConfig;
}

const base = defaultConfig;

/** The lessons by the name `#lesson=<name>` takes. */
export const lessons = {
  regimes: {
    title: 'Too low, well chosen, too high',
    text:
      'The same model, data and start, trained at 0.1×, 1× and 10× one rate: the low rate crawls, the middle one converges, the high one overshoots and diverges. The loss chart is logarithmic, so each decade of progress takes the same height.',
    config: { ...base, lesson: 'regimes' },
  },
  warmup: {
    title: 'Warmup',
    text:
      'Adam at a high rate from the first step can blow up before its moment estimates settle; a warmup raises the rate over the first 100 steps and then decays it along a cosine. Compare the lanes: the rate that diverges without warmup trains with it.',
    config: {
      ...base,
      lesson: 'warmup',
      optimizer: 'Adam',
      options: { beta1: 0.9, beta2: 0.999, weightDecay: 0 },
      schedule: 'warmup(cosine({ initial: 0.05, steps: 900 }), { steps: 100 })',
      lanes: [1, 4],
    },
  },
  momentum: {
    title: 'Momentum',
    text:
      'Momentum is inertia: each step adds a fraction of the last one, so progress speeds up while the gradients agree. At 0.9 the effective step is ten times the rate, so the rate that was well chosen without momentum now overshoots.',
    config: { ...base, lesson: 'momentum', options: { momentum: 0.9, nesterov: false, weightDecay: 0 }, schedule: 'constant(0.05)' },
  },
  adam: {
    title: 'Adam against SGD',
    text:
      'Adam scales each parameter’s step by a running estimate of its gradient’s size, so one rate suits every weight and 1e-2 is a usual start. Set the optimizer to SGD with the same lanes to see how much more the plain rate matters there.',
    config: { ...base, lesson: 'adam', optimizer: 'Adam', options: { beta1: 0.9, beta2: 0.999, weightDecay: 0 }, schedule: 'constant(0.01)' },
  },
  batch: {
    title: 'Batch against stochastic',
    text:
      'Stochastic gradient descent updates after every single point: the loss chart turns noisy, and the same rate that is calm on the full batch jitters. Switch Batch back to the whole data set to compare the smooth curve and its slower steps per epoch.',
    config: { ...base, lesson: 'batch', batchSize: 1, schedule: 'constant(0.05)', lanes: [0.1, 1, 10] },
  },
  micrograd: {
    title: "micrograd's demo",
    text:
      "Karpathy's micrograd demo on etagrad: 100 moons points, an MLP 2-16-16-1 with ReLU, hinge loss plus 1e-4·Σp², full-batch SGD with the rate falling from 1 to 0.1 over 100 steps. The data and initial weights are bench/'s numbers, so step 99 reaches the loss Node reaches.",
    config: {
      ...base,
      lesson: 'micrograd',
      data: { ...base.data, kind: 'micrograd' },
      model: { hidden: [16, 16], activation: 'relu', init: 'micrograd' },
      loss: 'hinge',
      l2: 1e-4,
      schedule: 'linear({ from: 1, to: 0.1, steps: 100 })',
      lanes: [1],
      steps: 100,
    },
  },
} as const satisfies Record<string, Lesson>;

/** The name of a lesson. */
export type LessonName = keyof typeof lessons;

/** Whether `name` is a lesson's name. */
export const isLesson = (name: string): name is LessonName => Object.hasOwn(lessons, name);
