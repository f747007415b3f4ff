import { probabilityTarget } from './bce.js';
import { defineLoss, elementwise, type LossOf, type LossOptions } from './loss.js';

/**
 * Binary cross-entropy on logits, PyTorch's `BCEWithLogitsLoss`: for a logit z and target t,
 * `-(t ln sigmoid(z) + (1 - t) ln(1 - sigmoid(z))) = softplus(z) - t z`, computed with autograd's
 * overflow-free `softplus`: finite for logits of ±1000 (the loss grows linearly there), with
 * gradient `sigmoid(z) - t`. Targets are 0/1 labels or soft labels in [0, 1].
 *
 * @example
 * bceWithLogits([[z]], [1]); // softplus(-z) = ln(1 + e^-z)
 */
export const bceWithLogits: LossOf<LossOptions> = defineLoss((outputs, targets, options) =>
  elementwise('bceWithLogits', outputs, targets, options, probabilityTarget, (z, t) =>
    t === 0 ? z.softplus() : t === 1 ? z.neg().softplus() : z.softplus().sub(z.mul(t)),
  ),
);
