// tune's parallel-search benchmark (`npm run bench:tune -w bench`): the same 16-trial random
// search of the built-in fit objective (MLP 2-16-16-1 on moons, trained compiled, 2000 epochs a
// trial: about a second, a realistic trial; `EPOCHS=n` for others, `COMPILE=0` to train eagerly) on
// 1 worker thread and on 2, in this process, each timed from the search's start to its end
// (thread start-up included), in interleaved rounds. The script runs the built JavaScript under
// plain node, as users do (it builds the packages and bundles this file first, leaving the
// packages external): worker threads inherit the main thread's loader, and under tsx the
// 2-worker search ran 1.71x where plain node gives 1.83-1.91x. Prints each round, with this process's CPU time and the CPU other processes used
// meanwhile, the median ratio (of all rounds, and of the quiet ones), and two limits: the most
// that 2 cores allow for the CPU the 2-worker search used, and the machine's own (an arithmetic
// loop on 2 threads against 1, before each round).
import { availableParallelism } from 'node:os';
import { logUniform, randomSearch, type SearchResult } from '@etagrad/tune';
import { threadExecutor } from '@etagrad/tune/node';
import { watchOtherLoad } from './machine-load.js';
import { parallelCeiling } from './parallel-ceiling.js';

const TARGET = 1.8;
const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const compile = process.env['COMPILE'] !== '0';
const objective = { fit: { dataset: 'moons', model: '2-16-16-1', optimizer: 'sgd', epochs: Number(process.env['EPOCHS'] ?? 2000), compile } } as const;
/** Other processes' load (cores) under which both runs of a round count as quiet. */
const QUIET = 0.1;
const space = { lr: logUniform(0.01, 1), batchSize: [8, 16] };

interface Timed {
  readonly seconds: number;
  readonly result: SearchResult;
  /** Seconds from the start to the first result, less that trial's own time: thread start-up and loading. */
  readonly startUp: number;
  /** Cores other processes kept busy during the search (null without /proc). */
  readonly otherLoad: number | null;
  /** CPU seconds this process used (all its threads: the workers, V8's compiler and GC helpers). */
  readonly cpu: number;
}

async function timed(workers: number): Promise<Timed> {
  const otherLoad = watchOtherLoad();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let startUp = NaN;
  const onProgress = ({ evaluation }: { evaluation: { time: number } }) => {
    if (Number.isNaN(startUp)) startUp = (performance.now() - started) / 1000 - evaluation.time;
  };
  const result = await randomSearch(space, objective, { trials: 16, seed: 1, executor: threadExecutor(objective, workers), onProgress });
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, result, startUp, otherLoad: otherLoad(), cpu: (used.user + used.system) / 1e6 };
}

// The trials' own times summed over the wall time: how many ran at once on average. Near 2 with
// a ratio well below 2 means the threads ran side by side but shared the cores with other work.
const inFlight = (run: Timed) => run.result.trials.reduce((sum, t) => sum + t.time, 0) / run.seconds;
const scores = (run: Timed) => JSON.stringify(run.result.trials.map((t) => t.score));
const load = (run: Timed) => (run.otherLoad === null ? 'unknown' : `${run.otherLoad.toFixed(2)} cores`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const trialTime = (run: Timed) => median(run.result.trials.map((t) => t.time));
const show = (run: Timed) =>
  `${run.seconds.toFixed(2)} s (start-up ${run.startUp.toFixed(2)} s, trial ${trialTime(run).toFixed(2)} s median, ${inFlight(run).toFixed(2)} trials in flight, CPU ${run.cpu.toFixed(2)} s, other processes ${load(run)})`;

console.log(`16 trials of ${objective.fit.epochs} epochs (${compile ? 'compiled' : 'eager'}), ${availableParallelism()} cores, ${ROUNDS} rounds`);
const ratios: number[] = [];
const quietRatios: number[] = [];
// 2 cores run at most 2 CPU seconds a second: however well scheduled, the 2-worker search takes
// at least its CPU time / 2, so its ratio is at most 2 x the 1-worker time / its CPU time.
const ceilings: number[] = [];
let same = true;
let reference: string | null = null;
const machine: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  machine.push(await parallelCeiling());
  const one = await timed(1);
  const two = await timed(2);
  for (const run of [one, two]) {
    reference ??= scores(run);
    same &&= scores(run) === reference;
  }
  ratios.push(one.seconds / two.seconds);
  if ([one, two].every((run) => run.otherLoad !== null && run.otherLoad < QUIET)) quietRatios.push(one.seconds / two.seconds);
  ceilings.push((2 * one.seconds) / two.cpu);
  console.log(`round ${round}: an arithmetic loop on 2 threads: ${machine.at(-1)?.toFixed(2)}x the speed of 1 (perfectly parallel work, measured just before)`);
  console.log(`         1 worker ${show(one)}`);
  console.log(`         2 workers ${show(two)}: ${(one.seconds / two.seconds).toFixed(2)}x`);
}
const ratio = median(ratios);
console.log(`2 workers: ${ratio.toFixed(2)}x the speed of 1, median of ${ROUNDS} (target >= ${TARGET}x): ${ratio >= TARGET ? 'met' : 'not met'}`);
const quiet = quietRatios.length === 0 ? 'none' : `${median(quietRatios).toFixed(2)}x, median of ${quietRatios.length}`;
console.log(`in the quiet rounds (other processes < ${QUIET} cores in both runs): ${quiet}`);
console.log(`the most 2 cores allow for the CPU the 2-worker search used: ${median(ceilings).toFixed(2)}x (2 x 1-worker time / 2-worker CPU, median)`);
console.log(`an arithmetic loop on 2 threads: ${median(machine).toFixed(2)}x the speed of 1, median: what perfectly parallel work got on these cores`);
console.log(`same scores on 1 and 2 workers in every round: ${same ? 'yes' : 'NO'}`);
if (!same) process.exitCode = 1;
