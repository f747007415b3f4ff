import { describe, expect, test } from 'vitest';
import { checksumOf, serializeCheckpoint } from '../src/checkpoint-format.js';
import { parseCheckpoint } from '../src/checkpoint-parse.js';
import { sampleCheckpoint } from './fixtures.js';

const text = serializeCheckpoint(sampleCheckpoint());

describe('parseCheckpoint', () => {
  test('round-trips a checkpoint exactly (the checksum is not part of the result)', () => {
    expect(parseCheckpoint(text, 'a.json')).toEqual(sampleCheckpoint());
  });

  test('refuses an empty file', () => {
    expect(() => parseCheckpoint('  \n', 'a.json')).toThrow('checkpoint a.json is empty (truncated?)');
  });

  test('refuses every truncation of a valid file', () => {
    for (let length = 1; length < text.length; length += 7) {
      expect(() => parseCheckpoint(text.slice(0, length), 'a.json')).toThrow(
        /^checkpoint a\.json is not valid JSON \(truncated or corrupt\?\): /,
      );
    }
  });

  test('refuses JSON that is not a checkpoint', () => {
    expect(() => parseCheckpoint('[1, 2]', 'a.json')).toThrow(
      "checkpoint a.json is not an etagrad checkpoint: format must be 'etagrad-checkpoint', got an array",
    );
    expect(() => parseCheckpoint('{"format":"keras"}', 'a.json')).toThrow(
      "checkpoint a.json is not an etagrad checkpoint: format must be 'etagrad-checkpoint', got 'keras'",
    );
  });

  test('refuses another version', () => {
    // the version is checked before the checksum: an old file says what it is, not "corrupt"
    const other = text.replace('"version":2', '"version":1');
    expect(() => parseCheckpoint(other, 'a.json')).toThrow('checkpoint a.json has version 1; this etagrad reads version 2');
  });

  test('refuses a file changed after it was written, even when it is still valid JSON', () => {
    const flipped = text.replace('0.75', '0.76');
    expect(flipped).not.toBe(text);
    expect(() => parseCheckpoint(flipped, 'a.json')).toThrow(
      'checkpoint a.json is corrupt: its checksum does not match its contents (changed after it was written)',
    );
  });

  test('refuses a malformed field, naming its path', () => {
    const bad = (overrides: object) => serializeCheckpoint({ ...sampleCheckpoint(), ...overrides });
    expect(() => parseCheckpoint(bad({ completedEpochs: -1 }), 'a.json')).toThrow(
      'checkpoint a.json is malformed: completedEpochs must be an integer >= 0, got -1',
    );
    const history = sampleCheckpoint().history;
    const steps = [history.steps[0], { ...history.steps[1], lr: 'fast' }];
    expect(() => parseCheckpoint(bad({ history: { ...history, steps } }), 'a.json')).toThrow(
      "checkpoint a.json is malformed: history.steps[1].lr must be a finite number, got 'fast'",
    );
    expect(() => parseCheckpoint(bad({ completedEpochs: 2 }), 'a.json')).toThrow(
      'checkpoint a.json is malformed: history.epochs must hold one record per completed epoch (2), got 1',
    );
    expect(() => parseCheckpoint(bad({ run: { samples: 4, batchSize: 0, shuffle: true } }), 'a.json')).toThrow(
      'checkpoint a.json is malformed: run.batchSize must be a positive integer, got 0',
    );
    expect(() => parseCheckpoint(bad({ optimizer: { state: {} } }), 'a.json')).toThrow(
      'checkpoint a.json is malformed: optimizer.name must be a string, got undefined',
    );
    const stopped = { reason: 'bored', epoch: 0, step: 1, lr: 0.1, message: 'x' };
    expect(() => parseCheckpoint(bad({ history: { ...history, stopped } }), 'a.json')).toThrow(
      'checkpoint a.json is malformed: history.stopped.reason must be one of diverged, earlyStopping, callback, aborted, got \'bored\'',
    );
    const earlyStopping = { state: { best: null, bestEpoch: null, wait: 1.5 }, bestModel: null };
    expect(() => parseCheckpoint(bad({ earlyStopping }), 'a.json')).toThrow(
      'checkpoint a.json is malformed: earlyStopping.state.wait must be an integer >= 0, got 1.5',
    );
    const { rng: _rng, ...withoutRng } = sampleCheckpoint();
    expect(() => parseCheckpoint(serializeCheckpoint(withoutRng as never), 'a.json')).toThrow(
      'checkpoint a.json is malformed: rng must be present, got undefined',
    );
  });
});

test('checkpoint text is the JSON of the fields with the checksum last, stringified once', () => {
  const checkpoint = sampleCheckpoint();
  const text = serializeCheckpoint(checkpoint);
  expect(text).toBe(JSON.stringify({ ...checkpoint, checksum: checksumOf(checkpoint) }));
});

test('serializeCheckpoint and parseCheckpoint refuse what is not theirs in the standard format', () => {
  expect(() => serializeCheckpoint(null as never)).toThrow(new TypeError('serializeCheckpoint: checkpoint must be a checkpoint object from fit, got null'));
  expect(() => parseCheckpoint(5 as never)).toThrow(new TypeError('parseCheckpoint: text must be a string, got 5'));
  expect(() => parseCheckpoint('{}', 5 as never)).toThrow(new TypeError('parseCheckpoint: source must be a string, got 5'));
});
