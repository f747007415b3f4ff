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

/** Runs an exported script in Node and returns what it prints. */
function runScript(name: string, script: string): unknown {
  mkdirSync(output, { recursive: true });
  const file = new URL(name, output).pathname;
  writeFileSync(file, script);
  const printed = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=@etagrad/source', file], { encoding: 'utf8' });
  return JSON.parse(printed.trim().split('\n').at(-1) ?? '');
}

test("a link's lane with only some of its optimizer's options exports a script that trains with the same options", () => {
  const shared: PlaygroundConfig = { ...defaultConfig, data: { ...defaultConfig.data, n: 40 }, model: { ...defaultConfig.model, hidden: [4] }, lanes: plainLanes(1), steps: 20 };
  // beta2 and weightDecay missing: the page takes Adam's defaults for them.
  const spec: LaneSpec = { multiplier: 1, optimizer: 'Adam', options: { beta1: 0.5 }, schedule: 'constant(0.05)' };
  const lane = new Lane(laneConfig(shared, spec), spec.multiplier);
  while (lane.update());
  expect(runScript('partial-options-lane.ts', exportTypeScript(lane.recipe()))).toEqual({ step: 19, loss: lane.losses[19], stopped: null });
}, 60_000);

test("a link's lesson name with a line break stays in the script's first comment", () => {
  const config: PlaygroundConfig = { ...defaultConfig, lesson: 'x\nthrow new Error("not a comment")\u2028//', data: { ...defaultConfig.data, n: 20 }, model: { ...defaultConfig.model, hidden: [4] }, lanes: plainLanes(1), steps: 5 };
  const lane = new Lane(config, 1);
  while (lane.update());
  expect(runScript('lesson-name-lane.ts', exportTypeScript(lane.recipe()))).toEqual({ step: 4, loss: lane.losses[4], stopped: null });
}, 60_000);
