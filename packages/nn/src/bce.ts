import { sum, type Value } from '@etagrad/autograd';
import { defineLoss, elementwise, type LossOf, type LossOptions } from './loss.js';

/** e^-100: probabilities are clamped here so that log gives at least -100, PyTorch's BCELoss clamp. */
const EPS = Math.exp(-100);

/** `checkTarget` for probability targets (0/1 labels or soft labels). */
export const probabilityTarget = (t: number): string | null => (t >= 0 && t <= 1 ? null : 'a label in [0, 1]');

/**
 * Binary cross-entropy on probabilities, PyTorch's `BCELoss`:
 * `-(t ln p + (1 - t) ln(1 - p))` for each output p (a probability, e.g. after `Sigmoid`) and
 * target t (a 0/1 label, or a soft label in [0, 1]). `p` and `1 - p` are clamped at e^-100 so the
 * loss stays finite (at most 100 per output, as PyTorch) where `p` is exactly 0 or 1; a clamped
 * output gets no gradient. An output outside [0, 1] is refused. For logits use `bceWithLogits`,
 * which is exact and stable.
 *
 * @example
 * bce([[p]], [1]); // -ln p
 */
export const bce: LossOf<LossOptions> = defineLoss((outputs, targets, options) =>
  elementwise('bce', outputs, targets, options, probabilityTarget, (p, t, i, j) => {
    if (!(p.data >= 0 && p.data <= 1)) throw new RangeError(`bce: outputs[${i}][${j}] must be a probability in [0, 1], got ${p.data}`);
    const logs: Value[] = []; // the term of a 0 label is skipped, not multiplied by 0
    if (t !== 0) logs.push(p.max(EPS).log().mul(t));
    if (t !== 1) logs.push(p.neg().add(1).max(EPS).log().mul(1 - t));
    return sum(logs).neg();
  }),
);
