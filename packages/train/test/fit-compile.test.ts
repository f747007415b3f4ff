import { describe, expect, test } from 'vitest';
import { bceWithLogits, binaryAccuracy, Dropout, Linear, MLP, moons, mse, ReLU, Sequential } from '@etagrad/nn';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, Lion, NAdam, RAdam, RMSprop, SGD } from '@etagrad/optim';
import { fit, StopReason, type History, type ProgressReporter } from '@etagrad/train';

// fit({ compile: true }) runs the model through compiled programs: the same numbers as eager.
const data = moons({ n: 40, noise: 0.1, seed: 3 });
const optimizers = {
  SGD: (ps: ConstructorParameters<typeof SGD>[0]) => new SGD(ps, { lr: 0.1, momentum: 0.9 }),
  Adagrad: (ps: ConstructorParameters<typeof SGD>[0]) => new Adagrad(ps, { lr: 0.1 }),
  RMSprop: (ps: ConstructorParameters<typeof SGD>[0]) => new RMSprop(ps, { lr: 0.01 }),
  Adam: (ps: ConstructorParameters<typeof SGD>[0]) => new Adam(ps, { lr: 0.01 }),
  AdamW: (ps: ConstructorParameters<typeof SGD>[0]) => new AdamW(ps, { lr: 0.01 }),
  Adamax: (ps: ConstructorParameters<typeof SGD>[0]) => new Adamax(ps, { lr: 0.01 }),
  NAdam: (ps: ConstructorParameters<typeof SGD>[0]) => new NAdam(ps, { lr: 0.01 }),
  RAdam: (ps: ConstructorParameters<typeof SGD>[0]) => new RAdam(ps, { lr: 0.01 }),
  Adadelta: (ps: ConstructorParameters<typeof SGD>[0]) => new Adadelta(ps, { lr: 1 }),
  Lion: (ps: ConstructorParameters<typeof SGD>[0]) => new Lion(ps, { lr: 0.001 }),
};

function train(optimizer: keyof typeof optimizers, compile: boolean): { params: number[]; history: History } {
  const model = new MLP(2, [6, 1], { seed: 5 });
  const notices: string[] = [];
  // batches of 16 and a last one of 8: two traces
  const history = fit(model, {
    data,
    loss: bceWithLogits,
    metrics: { accuracy: binaryAccuracy },
    optimizer: optimizers[optimizer](model.parameters()),
    epochs: 3,
    batchSize: 16,
    seed: 7,
    compile,
    progress: { start() {}, step() {}, epoch() {}, end() {}, notice: (m) => notices.push(m) },
  });
  expect(notices).toEqual([]); // compiled throughout, no fallback
  return { params: model.parameters().map((p) => p.data), history };
}

describe('fit with compile: true', () => {
  test.each(Object.keys(optimizers) as (keyof typeof optimizers)[])('%s trains to the same parameters, bit for bit', (name) => {
    const eager = train(name, false);
    const compiled = train(name, true);
    expect(compiled.params).toEqual(eager.params);
    compiled.params.forEach((x, i) => expect(Object.is(x, eager.params[i])).toBe(true));
    expect(compiled.history.steps).toEqual(eager.history.steps);
    expect(compiled.history.epochs).toEqual(eager.history.epochs);
  });

  test('a rate that makes the outputs NaN stops the run as diverged, at the same step as eagerly', () => {
    const run = (compile: boolean) => {
      const model = new MLP(2, [8, 1], { seed: 5 });
      const history = fit(model, { data, loss: bceWithLogits, optimizer: new SGD(model.parameters(), { lr: 1e300 }), epochs: 2, batchSize: 16, seed: 7, compile });
      return { history, params: model.parameters().map((p) => p.data) };
    };
    const eager = run(false);
    const compiled = run(true);
    expect(compiled.history.stopped?.reason).toBe(StopReason.Diverged);
    expect(compiled.history.stopped).toEqual(eager.history.stopped);
    expect(compiled.history.steps).toEqual(eager.history.steps);
    expect(compiled.params).toEqual(eager.params);
  });

  test('a model that cannot be replayed (dropout) trains eagerly, with a one-line notice', () => {
    const notices: string[] = [];
    const reporter: ProgressReporter = { start() {}, step() {}, epoch() {}, end() {}, notice: (m) => notices.push(m) };
    const model = new Sequential(new Linear(2, 8, { seed: 1 }), new ReLU(), new Dropout(0.5, { seed: 2 }), new Linear(8, 1, { seed: 3 }));
    const history = fit(model, { data, loss: mse, optimizer: new SGD(model.parameters(), { lr: 0.05 }), epochs: 2, batchSize: 10, compile: true, progress: reporter });
    expect(history.steps).toHaveLength(8);
    expect(history.stopped).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^fit: compile: training eagerly: the graph depends on the input numbers .*\n?$/);
    expect(notices[0]).not.toContain('\n');
  });

  test('compile must be a boolean', () => {
    const model = new MLP(2, [1], { seed: 1 });
    expect(() =>
      fit(model, { data, loss: mse, optimizer: new SGD(model.parameters(), { lr: 0.1 }), epochs: 1, compile: 'yes' as unknown as boolean }),
    ).toThrow(new TypeError("fit: compile must be a boolean, got 'yes'"));
  });
});
