// Writes src/micrograd-demo.json: bench/'s moons and initial weights of micrograd's demo, as the
// numbers Node computes, so that the page trains on exactly them (a browser's Math.sin may differ
// from Node's in the last bit). test/micrograd-demo.test.ts checks the file against bench/.
import { writeFileSync } from 'node:fs';
import { microgradDemoFromBench } from '../test/bench-demo.js';

writeFileSync(new URL('../src/micrograd-demo.json', import.meta.url), `${JSON.stringify(microgradDemoFromBench())}\n`);
