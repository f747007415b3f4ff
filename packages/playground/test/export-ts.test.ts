// The exported script, run in Node, against the lane it was exported from.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { defaultConfig, laneConfig, plainLanes, type LaneSpec, type PlaygroundConfig } from '../src/config.js';
import { exportTypeScript } from '../src/export-ts.js';
import { Lane } from '../src/lane.js';

const output = new URL('../test-output/', import.meta.url);

test("the exported TypeScript of a lane with its own optimizer, batch size and a schedule changed mid-run reproduces the lane's losses", () => {
  const shared: PlaygroundConfig = { ...defaultConfig, data: { ...defaultConfig.data, n: 40 }, model: { ...defaultConfig.model, hidden: [4] }, lanes: plainLanes(1), steps: 30 };
  const spec: LaneSpec = { multiplier: 2, optimizer: 'Adam', batchSize: 8, schedule: 'constant(0.05)' };
  const lane = new Lane(laneConfig(shared, spec), spec.multiplier);
  for (let k = 0; k < 12; k++) lane.update();
  lane.setSchedule('cosine({ initial: 0.02, steps: 18 })');
  while (lane.update());
  expect(lane.lrs.slice(11, 13)).toEqual([0.1, 0.04]);

  mkdirSync(output, { recursive: true });
  const file = new URL('mid-run-lane.ts', output).pathname;
  writeFileSync(file, exportTypeScript(lane.recipe()));
  const printed = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=@etagrad/source', file], { encoding: 'utf8' });
  expect(JSON.parse(printed.trim().split('\n').at(-1) ?? '')).toEqual({ step: 29, loss: lane.losses[29], stopped: null });
}, 60_000);
