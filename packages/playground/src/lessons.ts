// The lessons: presets that set up one idea each, with two sentences of text.
import { defaultConfig, plainLanes, type PlaygroundConfig } from './config.js';

/** A preset and what it shows. */
export interface Lesson {
  readonly title: string;
  readonly text: string;
  readonly config: PlaygroundConfig;
}

const base = defaultConfig;
const adam = { beta1: 0.9, beta2: 0.999, weightDecay: 0 };

/** The lessons by the name `#lesson=<name>` takes. */
export const lessons = {
  regimes: {
    title: 'Too low, well chosen, too high',
    text:
      'The same model, data and start, trained at 0.01×, 1× and 10× one rate: the low rate crawls and is still far from done after 500 steps, the middle one converges in a few dozen, the high one blows up at once. The loss chart is logarithmic, so each decade of progress takes the same height.',
    config: { ...base, lesson: 'regimes', lanes: plainLanes(0.01, 1, 10), steps: 500 },
  },
  warmup: {
    title: 'Warmup',
    text:
      'Both lanes run Adam at a peak rate of 0.5: lane 2 starts at it (a cosine from 0.5) and diverges within a few steps. Lane 1 raises the rate from 0 over 100 steps, then decays it along a cosine, and trains.',
    config: {
      ...base,
      lesson: 'warmup',
      optimizer: 'Adam',
      options: adam,
      schedule: 'warmup(cosine({ initial: 0.5, steps: 900 }), { steps: 100 })',
      lanes: [{ multiplier: 1 }, { multiplier: 1, schedule: 'cosine({ initial: 0.5, steps: 1000 })' }],
    },
  },
  momentum: {
    title: 'Momentum',
    text:
      'Momentum is inertia: each step adds 0.9 of the last one, so while the gradients agree the step grows to ten times the rate. Plain SGD trains at 1.5 (set Momentum to 0 to check); with momentum 0.9, 0.5 still converges but 1.5 diverges.',
    config: { ...base, lesson: 'momentum', options: { momentum: 0.9, nesterov: false, weightDecay: 0 }, schedule: 'constant(0.5)', lanes: plainLanes(1, 3) },
  },
  adam: {
    title: 'Adam against SGD',
    text:
      'Lane 1 is plain SGD at its usual rate 0.5, lane 2 Adam at its usual 0.01, on the same model, data and start: SGD falls faster at first, Adam is lower by step 200. Adam scales each parameter’s step by a running estimate of its gradient’s size, so one rate suits every weight, where SGD’s one rate must suit the steepest.',
    config: { ...base, lesson: 'adam', lanes: [{ multiplier: 1 }, { multiplier: 1, optimizer: 'Adam', schedule: 'constant(0.01)' }] },
  },
  batch: {
    title: 'Batch against stochastic',
    text:
      'Both lanes train at 0.05: lane 1 computes each update on all 100 points, lane 2 (stochastic) on a single one, so its steps are cheap but each sees 1% of the data. Lane 1’s loss falls smoothly; lane 2’s (one point’s loss per step) jumps about.',
    config: { ...base, lesson: 'batch', schedule: 'constant(0.05)', lanes: [{ multiplier: 1 }, { multiplier: 1, batchSize: 1 }] },
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
      lanes: plainLanes(1),
      steps: 100,
    },
  },
} as const satisfies Record<string, Lesson>;

/** The name of a lesson. */
export type LessonName = keyof typeof lessons;

/** Whether `name` is a lesson's name. */
export const isLesson = (name: string): name is LessonName => Object.hasOwn(lessons, name);
