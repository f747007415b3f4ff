// How late a 10 ms timer fires while fitAsync trains (issue 9 §4: p95 under 50 ms, checkpoint
// writes aside), beside the same timer while fit holds the thread. From the repository root:
//   npx tsx --conditions=@etagrad/source packages/train/bench/timer-delay.ts [epochs]
//
// Figures (2026-12-02, 2 vCPUs, load average ~1.3, 300 epochs): idle loop p95 0.4 ms; while
// fitAsync trains p95 3.8 ms, max 16.3 ms (target p95 < 50 ms: met). Under a load of ~15 an
// earlier run gave p95 62 ms: a machine that busy delays every thread.
import { MLP, bceWithLogits, moons, rng } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { fitAsync } from '@etagrad/train';

const epochs = Number(process.argv[2] ?? 300);
const data = moons({ n: 200, noise: 0.1, seed: 1 });
const model = new MLP(2, [16, 16, 1], { rng: rng(1) });
const options = { data, loss: bceWithLogits, optimizer: new SGD(model.parameters(), { lr: 0.05 }), epochs, batchSize: 16 };

/** Runs a 10 ms interval timer while `work` runs; returns how late each firing was, sorted. */
async function lateness(work: () => Promise<unknown>): Promise<number[]> {
  const delays: number[] = [];
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    delays.push(now - expected);
    expected = now + 10;
  }, 10);
  await work();
  clearInterval(timer);
  return delays.sort((a, b) => a - b);
}
const summary = (delays: number[]) => {
  const at = (q: number) => (delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? Number.NaN).toFixed(1);
  return `${delays.length} firings, late by p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
};

// The baseline: the same timer on an idle event loop, for what the machine itself adds.
const idle = await lateness(() => new Promise((resolve) => setTimeout(resolve, 2000)));
console.log(`idle event loop: ${summary(idle)}`);
const training = await lateness(() => fitAsync(model, options));
console.log(`while fitAsync trains (${epochs} epochs): ${summary(training)}`);
