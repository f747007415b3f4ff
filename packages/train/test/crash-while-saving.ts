// Child process of checkpoint-file.test.ts: starts saving a newer checkpoint over argv[2] and dies
// just before the rename, as a process killed at the worst moment would.
import { saveCheckpoint } from '../src/checkpoint-file.js';
import { sampleCheckpoint } from './fixtures.js';

const path = process.argv[2] ?? '';
saveCheckpoint(path, sampleCheckpoint({ completedEpochs: 0, history: { steps: [], epochs: [], stopped: null } }), {
  beforeRename: () => process.exit(137),
});
