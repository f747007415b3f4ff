import { compileByShape, CompileError, Value, type Program } from '@etagrad/autograd';
import type { Module } from '@etagrad/nn';
import { forwardBatch } from './forward-batch.js';

/**
 * How a training step runs the model: its outputs for a batch, then, given the loss made from
 * them, the gradients of the parameters (added to their `grad`, as `loss.backward()` does).
 */
export interface BatchEngine {
  forward(rows: readonly (readonly number[])[]): Value[][];
  backward(loss: Value): void;
}

/** The eager engine: a graph per step. */
export const eagerEngine = (model: Module): BatchEngine => ({
  forward: (rows) => forwardBatch(model, rows),
  backward: (loss) => loss.backward(),
});

/**
 * The model's forward and backward through programs compiled by `compileByShape` (one per batch
 * size), the loss eager on leaves holding the outputs' numbers (its targets are numbers, which
 * would be constants of a trace), its gradients handed to the program: bit-identical to eager.
 * Where the model cannot be traced (a graph that depends on the data, such as dropout's),
 * `notice` is told once, in one line, and the run goes on eagerly.
 */
export function compiledEngine(model: Module, notice: (message: string) => void): BatchEngine {
  const eager = eagerEngine(model);
  let features = 0;
  const step = compileByShape((xs: Value[]) => {
    const rows: Value[][] = [];
    for (let i = 0; i < xs.length; i += features) rows.push(xs.slice(i, i + features));
    return rows.flatMap((row) => model.forward(row));
  });
  let failed = false;
  let program: Program | null = null;
  let leaves: Value[] = [];
  return {
    forward(rows) {
      program = null;
      if (failed || rows.length === 0) return eager.forward(rows);
      features = (rows[0] as readonly number[]).length;
      let out: Float64Array;
      try {
        out = step.forward(rows.flat());
      } catch (error) {
        if (!(error instanceof CompileError)) throw error;
        failed = true;
        notice(`fit: compile: training eagerly: ${error.message.replace(/^compile: /, '')}`);
        return eager.forward(rows);
      }
      program = step.last();
      leaves = Array.from(out, leafHolding);
      const perRow = leaves.length / rows.length;
      return rows.map((_, i) => leaves.slice(i * perRow, (i + 1) * perRow));
    },
    backward(loss) {
      loss.backward();
      if (program !== null) program.backward(leaves.map((v) => v.grad));
    },
  };
}

/**
 * A leaf holding an output's number, NaN included (the outputs of weights that diverged, which a
 * leaf's constructor refuses): the loss is then NaN, and fit stops as diverged, as it does eagerly.
 */
function leafHolding(x: number): Value {
  const leaf = new Value(0);
  leaf.data = x;
  return leaf;
}
