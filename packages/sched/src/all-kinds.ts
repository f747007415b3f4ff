// Every built-in kind, for the readers that must know them all (`fromSpec`, `parse`): importing
// this table loads each kind's module, which adds its rule to the registry (kinds.ts). The
// compiler proves none is missing (`satisfies`).

import { clampKind } from './clamp.js';
import { constantKind } from './constant.js';
import { cosineRestartsKind } from './cosine-restarts.js';
import { cosineKind } from './cosine.js';
import { cyclicKind } from './cyclic.js';
import { exponentialKind } from './exponential.js';
import { inverseSqrtKind } from './inverse-sqrt.js';
import { joinKind } from './join.js';
import { type KindRule, loadedKind } from './kinds.js';
import { linearKind } from './linear.js';
import { multiStepKind } from './multi-step.js';
import { oneCycleKind } from './one-cycle.js';
import { perEpochKind } from './per-epoch.js';
import { piecewiseKind } from './piecewise.js';
import { polynomialKind } from './polynomial.js';
import { repeatKind } from './repeat.js';
import { scaleKind } from './scale.js';
import { shiftKind } from './shift.js';
import { stepDecayKind } from './step-decay.js';
import { timeDecayKind } from './time-decay.js';
import type { Kind } from './types.js';
import { warmupKind } from './warmup.js';

const builtInKinds = {
  constant: constantKind,
  linear: linearKind,
  timeDecay: timeDecayKind,
  stepDecay: stepDecayKind,
  multiStep: multiStepKind,
  piecewise: piecewiseKind,
  exponential: exponentialKind,
  polynomial: polynomialKind,
  cosine: cosineKind,
  cosineRestarts: cosineRestartsKind,
  cyclic: cyclicKind,
  oneCycle: oneCycleKind,
  inverseSqrt: inverseSqrtKind,
  warmup: warmupKind,
  join: joinKind,
  scale: scaleKind,
  clamp: clampKind,
  shift: shiftKind,
  repeat: repeatKind,
  perEpoch: perEpochKind,
} satisfies Record<Kind, KindRule>;

/** A built-in kind's rule, else a registered one's (`registerKind`), else undefined. */
export const anyKind = (kind: string): KindRule | undefined =>
  Object.hasOwn(builtInKinds, kind) ? builtInKinds[kind as Kind] : loadedKind(kind);
