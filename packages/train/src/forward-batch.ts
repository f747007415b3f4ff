import type { Value } from '@etagrad/autograd';
import type { Module } from '@etagrad/nn';

/** The model's outputs for each row of a batch, in order: what losses and metrics take. */
export function forwardBatch(model: Module, rows: readonly (readonly number[])[]): Value[][] {
  return rows.map((row) => model.forward(row));
}
