// How much faster 2 threads are than 1 on this machine for work that needs nothing but a core:
// the same arithmetic loop (no allocation, no memory traffic, no JIT warm-up to speak of) on 1
// worker thread, then on 2 at once. On 2 idle cores of their own it is 2; a virtual machine
// whose 2 cores share a physical one, or other processes, make it less. No parallel search can
// beat it.
import { Worker } from 'node:worker_threads';

/** Iterations of the loop: about a second on one core of the machine this was written on. */
const ITERATIONS = 40_000_000;

// A plain script (no TypeScript to load): spins when told how long, then posts back.
const spin = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (iterations) => {
  let s = 0;
  for (let i = 0; i < iterations; i++) s = (s * 1.0000001 + i) % 1e9;
  parentPort.postMessage(s);
});
`;

/** Seconds `threads` threads take to run the loop once each, all at once. */
async function spinOn(threads: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(spin, { eval: true }));
  // Timed from when every thread is up: thread start-up is not what this measures.
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('online', resolve))));
  const started = performance.now();
  const done = workers.map((worker) => new Promise((resolve) => worker.once('message', resolve)));
  for (const worker of workers) worker.postMessage(ITERATIONS);
  await Promise.all(done);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return seconds;
}

/** Throughput of 2 threads over 1 for the arithmetic loop: 2 x (1-thread time) / (2-thread time). */
export async function parallelCeiling(): Promise<number> {
  const one = await spinOn(1);
  const two = await spinOn(2);
  return (2 * one) / two;
}
