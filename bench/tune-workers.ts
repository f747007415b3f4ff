// tune's parallel-search benchmark (`npm run bench:tune -w bench`): the same 16-trial random
// search of the built-in fit objective (MLP 2-16-16-1 on moons, 60 epochs a trial) on 1 worker
// thread and on 2, in this process, each timed from the first trial to the last (thread start-up
// included). Prints the ratio; on 2 otherwise idle cores it should be near 2.
import { availableParallelism } from 'node:os';
import { logUniform, randomSearch, type SearchResult } from '@etagrad/tune';
import { threadExecutor } from '@etagrad/tune/node';

const TARGET = 1.8;
const objective = { fit: { dataset: 'moons', model: '2-16-16-1', optimizer: 'sgd', epochs: 60 } } as const;
const space = { lr: logUniform(0.01, 1), batchSize: [8, 16] };

async function timed(workers: number): Promise<{ seconds: number; result: SearchResult }> {
  const started = performance.now();
  const result = await randomSearch(space, objective, { trials: 16, seed: 1, executor: threadExecutor(objective, workers) });
  return { seconds: (performance.now() - started) / 1000, result };
}

const one = await timed(1);
const two = await timed(2);
const same = JSON.stringify(one.result.trials.map((t) => t.score)) === JSON.stringify(two.result.trials.map((t) => t.score));
const ratio = one.seconds / two.seconds;
console.log(`16 trials, ${availableParallelism()} cores: 1 worker ${one.seconds.toFixed(2)} s, 2 workers ${two.seconds.toFixed(2)} s`);
console.log(`2 workers: ${ratio.toFixed(2)}x the speed of 1 (target >= ${TARGET}x): ${ratio >= TARGET ? 'met' : 'not met'}`);
// The trials' own times summed over the wall time: how many ran at once on average. Near 2 with
// a ratio near 1 means the threads ran side by side but shared the cores with other work.
const inFlight = (run: { seconds: number; result: SearchResult }) => run.result.trials.reduce((sum, t) => sum + t.time, 0) / run.seconds;
console.log(`trials in flight on average: ${inFlight(one).toFixed(2)} on 1 worker, ${inFlight(two).toFixed(2)} on 2`);
console.log(`same scores on 1 and 2 workers: ${same ? 'yes' : 'NO'}`);
if (!same) process.exitCode = 1;
