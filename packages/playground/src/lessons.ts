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
      'The same model, data and start, trained at 0.01×, 1× and 10× one rate: the low rate crawls and is still far from done after 500 steps, the middle one converges in a few dozen, the high one blows up at once. The loss chart is logarithmic, so each decade of progress takes the same height.',
    config: { ...base, lesson: 'regimes', lanes: [0.01, 1, 10], steps: 500 },
  },
  warmup: {
    title: 'Warmup',
    text:
      'Adam at 0.5 from the first step diverges within a few steps (put constant(0.5) in the Schedule box and train from the start to see it). Raised from 0 over 100 steps, then decayed along a cosine, the same peak rate trains.',
    config: {
      ...base,
      lesson: 'warmup',
      optimizer: 'Adam',
      options: { beta1: 0.9, beta2: 0.999, weightDecay: 0 },
      schedule: 'warmup(cosine({ initial: 0.5, steps: 900 }), { steps: 100 })',
      lanes: [1],
    },
  },
  momentum: {
    title: 'Momentum',
    text:
      'Momentum is inertia: each step adds 0.9 of the last one, so while the gradients agree the step grows to ten times the rate. Plain SGD trains at 1.5 (set Momentum to 0 to check); with momentum 0.9, 0.5 still converges but 1.5 diverges.',
    config: { ...base, lesson: 'momentum', options: { momentum: 0.9, nesterov: false, weightDecay: 0 }, schedule: 'constant(0.5)', lanes: [1, 3] },
  },
  adam: {
    title: 'Adam against SGD',
    text:
      'Adam scales each parameter’s step by a running estimate of its gradient’s size, so one rate suits every weight: here all three lanes, from 0.001 to 0.1, train. Plain SGD on the same model (the default view) diverges at its 10× lane.',
    config: { ...base, lesson: 'adam', optimizer: 'Adam', options: { beta1: 0.9, beta2: 0.999, weightDecay: 0 }, schedule: 'constant(0.01)' },
  },
  batch: {
    title: 'Batch against stochastic',
    text:
      'Stochastic gradient descent updates after every single point, so each step is cheap but sees 1% of the data: the loss chart (one point’s loss per step) turns noisy. Set Batch back to the whole data set and train from the start to compare the smooth curve.',
    config: { ...base, lesson: 'batch', batchSize: 1, schedule: 'constant(0.05)' },
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
