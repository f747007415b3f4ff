import { Linear, zeros, type Dataset } from '@etagrad/nn';

// A problem small enough to work by hand: y = 2x on x = 1, 2, fitted by one Linear(1, 1) that
// starts at w = 0, b = 0. With mse (mean of squared residuals r = w x + b - y):
//   at w = b = 0: r = (-2, -4), loss = (4 + 16) / 2 = 10,
//   dL/dw = mean(2 r x) = (2(-2)(1) + 2(-4)(2)) / 2 = -10,  dL/db = mean(2 r) = (-4 - 8) / 2 = -6.
export const line: Dataset = { x: [[1], [2]], y: [2, 4] };

/** Same inputs, opposite slope: training on `line` makes the loss on it grow. */
export const mirrored: Dataset = { x: [[1], [2]], y: [-2, -4] };

/** A Linear(1, 1) at w = 0, b = 0. */
export function lineModel(): Linear {
  return new Linear(1, 1, { init: zeros() });
}

/** The model's [w, b]. */
export function weights(model: Linear): number[] {
  return model.parameters().map((p) => p.data);
}
