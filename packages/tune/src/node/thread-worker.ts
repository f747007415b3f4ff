// The body of a worker thread of `threadExecutor`: loads the objective once, then runs each task
// posted to it and posts back its evaluation ('ready' first, once the objective loaded).
import { parentPort, workerData } from 'node:worker_threads';
import { runObjective, type TrialTask } from '../executor.js';
import { loadObjective, type ObjectiveRef } from './objective-ref.js';

const port = parentPort;
if (port === null) throw new Error('thread-worker must run in a worker thread');
const objective = await loadObjective((workerData as { objective: ObjectiveRef }).objective);
port.on('message', async (task: TrialTask) => port.postMessage(await runObjective(objective, task)));
port.postMessage('ready');
