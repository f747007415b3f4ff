import { backwardScalar, forwardScalar, skipsZero } from './kernels.js';
import { Op, type Partials } from './op.js';
import { ALL, ALL_W, type Trace } from './trace.js';

// A trace's forward and backward passes over typed arrays: the same arithmetic, in the same order,
// as the eager engine (kernels.ts for scalar ops, the loops of rules.ts and backward.ts for n-ary
// ones), so that the numbers are bit-identical; test/compile.test.ts checks every op.

const partials: Partials = { a: 0, b: 0 };

/** Whether every node's number (slots `first` on) is finite. */
function allFinite(val: Float64Array, first: number): boolean {
  let zero = 0;
  for (let k = first; k < val.length; k++) zero += (val[k] as number) * 0; // NaN once one is not finite
  return zero === 0;
}

/** Computes every node's number into `val` (inputs, leaves and constants already there). */
export function replayForward(t: Trace, val: Float64Array): void {
  const { code, a, b, args, strided, dotSteps, neuron } = t;
  let out = t.firstNode;
  for (let i = 0; i < code.length; i++, out++) {
    const op = code[i] as number;
    const ai = a[i] as number;
    const bi = b[i] as number;
    switch (op) {
      case Op.Sum:
      case Op.Mean: {
        let total = 0;
        for (let k = ai; k < ai + bi; k++) total += val[args[k] as number] as number;
        val[out] = op === Op.Sum ? total : total / bi;
        break;
      }
      case Op.Dot: {
        let total = 0;
        if (strided[i] === 1) {
          const dw = dotSteps[4 * i + 1] as number;
          const dx = dotSteps[4 * i + 3] as number;
          let w = dotSteps[4 * i] as number;
          let x = dotSteps[4 * i + 2] as number;
          for (let k = 0; k < bi; k++, w += dw, x += dx) total += (val[w] as number) * (val[x] as number);
          if (neuron[i] !== 0) {
            // the add (and relu) nodes that follow, as their own cases compute them
            val[out] = total;
            const sum = total + (val[b[i + 1] as number] as number);
            val[++out] = sum;
            i++;
            if (neuron[i - 1] === 2) {
              val[++out] = sum < 0 ? 0 : sum;
              i++;
            }
            break;
          }
        } else {
          const end = ai + 2 * bi;
          for (let k = ai; k < end; k += 2) total += (val[args[k] as number] as number) * (val[args[k + 1] as number] as number);
        }
        val[out] = total;
        break;
      }
      case Op.LogSumExp: {
        let m = -Infinity;
        for (let k = ai; k < ai + bi; k++) m = Math.max(m, val[args[k] as number] as number);
        if (m === Infinity || m === -Infinity) {
          val[out] = m;
          break;
        }
        let total = 0;
        for (let k = ai; k < ai + bi; k++) total += Math.exp((val[args[k] as number] as number) - m);
        val[out] = m + Math.log(total);
        break;
      }
      default: // a scalar op: forwardScalar's switch, inlined here
        val[out] = forwardScalar(op, val[ai] as number, val[bi] as number);
    }
  }
}

/**
 * Hands the gradient down, in reverse creation order, over the nodes that lead to a parameter:
 * from the loss (the first output, gradient 1) when `seeds` is null, else from every output `k`
 * with gradient `seeds[k]`. `grad` holds the parameters' gradients so far; node slots are reset
 * here. A node whose gradient is exactly 0 is skipped where its partial derivatives are finite
 * (kernels.ts's `skipsZero`: then every contribution is ±0, which leaves a sum started at +0
 * unchanged: bit-identical), as eager backward does.
 */
export function replayBackward(t: Trace, val: Float64Array, grad: Float64Array, seeds: ArrayLike<number> | null): void {
  const { code, a, b, args, needsGrad, dotGrads, strided, dotSteps, outputs } = t;
  grad.fill(0, t.firstNode);
  if (seeds === null) {
    grad[outputs[0] as number] = (grad[outputs[0] as number] as number) + 1;
  } else {
    for (let k = 0; k < outputs.length; k++) grad[outputs[k] as number] = (grad[outputs[k] as number] as number) + (seeds[k] as number);
  }
  const under = seeds === null ? t.underLoss : t.underOutputs;
  const skipTo = t.skipTo;
  let finite: boolean | null = null; // known once a run could be skipped
  for (let i = code.length - 1; i >= 0; i--) {
    const out = t.firstNode + i;
    if (under[i] === 0) continue;
    const g = grad[out] as number;
    const op = code[i] as number;
    const ai = a[i] as number;
    const bi = b[i] as number;
    if (g === 0 && skipsZero(op, val[out] as number)) {
      // the run below i gets only zeros, which it skips too when every number is finite
      const to = skipTo[i] as number;
      if (to < i && (finite ??= allFinite(val, t.firstNode))) i = to;
      continue;
    }
    switch (op) {
      case Op.Sum:
      case Op.Mean: {
        const share = op === Op.Sum ? g : g / bi;
        for (let k = ai; k < ai + bi; k++) {
          const s = args[k] as number;
          if (needsGrad[s] === 1) grad[s] = (grad[s] as number) + share;
        }
        break;
      }
      case Op.Dot: {
        if (strided[i] === 1 && dotGrads[i] !== 0) {
          // every w (and, for ALL, every x) needs its gradient: no needsGrad test per element
          const dw = dotSteps[4 * i + 1] as number;
          const dx = dotSteps[4 * i + 3] as number;
          let w = dotSteps[4 * i] as number;
          let x = dotSteps[4 * i + 2] as number;
          if (dotGrads[i] === ALL_W) {
            for (let k = 0; k < bi; k++, w += dw, x += dx) grad[w] = (grad[w] as number) + g * (val[x] as number);
          } else {
            for (let k = 0; k < bi; k++, w += dw, x += dx) {
              grad[w] = (grad[w] as number) + g * (val[x] as number);
              grad[x] = (grad[x] as number) + g * (val[w] as number);
            }
          }
          break;
        }
        const end = ai + 2 * bi;
        if (dotGrads[i] === ALL_W) {
          for (let k = ai; k < end; k += 2) {
            const w = args[k] as number;
            grad[w] = (grad[w] as number) + g * (val[args[k + 1] as number] as number);
          }
          break;
        }
        if (dotGrads[i] === ALL) {
          for (let k = ai; k < end; k += 2) {
            const w = args[k] as number;
            const x = args[k + 1] as number;
            grad[w] = (grad[w] as number) + g * (val[x] as number);
            grad[x] = (grad[x] as number) + g * (val[w] as number);
          }
          break;
        }
        for (let k = ai; k < end; k += 2) {
          const w = args[k] as number;
          const x = args[k + 1] as number;
          if (needsGrad[w] === 1) grad[w] = (grad[w] as number) + g * (val[x] as number);
          if (needsGrad[x] === 1) grad[x] = (grad[x] as number) + g * (val[w] as number);
        }
        break;
      }
      case Op.LogSumExp: {
        const total = val[out] as number;
        for (let k = ai; k < ai + bi; k++) {
          const s = args[k] as number;
          if (needsGrad[s] === 1) grad[s] = (grad[s] as number) + g * Math.exp((val[s] as number) - total);
        }
        break;
      }
      // as the switch of kernels.ts, written out: grad · 1 is grad, bit for bit
      case Op.Add:
        if (needsGrad[ai] === 1) grad[ai] = (grad[ai] as number) + g;
        if (needsGrad[bi] === 1) grad[bi] = (grad[bi] as number) + g;
        break;
      case Op.Mul:
        if (needsGrad[ai] === 1) grad[ai] = (grad[ai] as number) + g * (val[bi] as number);
        if (needsGrad[bi] === 1) grad[bi] = (grad[bi] as number) + g * (val[ai] as number);
        break;
      case Op.Relu:
        if (needsGrad[ai] === 1) grad[ai] = (grad[ai] as number) + g * ((val[out] as number) > 0 ? 1 : 0);
        break;
      default:
        backwardScalar(partials, op, val[out] as number, val[ai] as number, val[bi] as number);
        if (needsGrad[ai] === 1) grad[ai] = (grad[ai] as number) + g * partials.a;
        if (needsGrad[bi] === 1) grad[bi] = (grad[bi] as number) + g * partials.b;
    }
  }
}
