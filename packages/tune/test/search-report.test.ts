import { expect, test } from 'vitest';
import { logUniform, searchCharts, searchCsv, searchTable, type SearchResult } from '../src/index.js';

const result: SearchResult = {
  trials: [
    { index: 0, config: { lr: 0.1, note: 'a,"b"' }, status: 'ok', score: 2, budget: 1, time: 0.5, extras: { accuracy: 0.9 } },
    { index: 1, config: { lr: 0.001, note: 'c' }, status: 'failed', score: null, budget: 1, time: 0.25, extras: {}, error: 'boom' },
    { index: 2, config: { lr: 0.01, note: 'd' }, status: 'ok', score: 1, budget: 1, time: 1, extras: { accuracy: 0.95 } },
  ],
  best: null,
};

test('searchTable: best first, the rest after in trial order', () => {
  const lines = searchTable(result).split('\n');
  expect(lines[0]?.split(/\s{2,}/)).toEqual(['trial', 'status', 'score', 'budget', 'seconds', 'lr', 'note']);
  expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['2', '0', '1']);
  expect(searchTable(result, 'max').split('\n')[1]?.startsWith('0 ')).toBe(true);
});

test('searchCsv: RFC 4180 quoting, extras and errors as columns', () => {
  expect(searchCsv(result)).toBe(
    'index,status,score,budget,time,lr,note,accuracy,error\r\n' +
      '0,ok,2,1,0.5,0.1,"a,""b""",0.9,\r\n' +
      '1,failed,,1,0.25,0.001,c,,boom\r\n' +
      '2,ok,1,1,1,0.01,d,0.95,\r\n',
  );
});

test('searchCharts: one chart per numeric hyperparameter, log x for a logUniform one', () => {
  const charts = searchCharts(result, { lr: logUniform(1e-3, 1), note: ['a'] });
  expect(Object.keys(charts)).toEqual(['lr']);
  expect(charts['lr']).toContain('lr (log scale)');
  expect(searchCharts(result, { lr: logUniform(1e-3, 1) }, { svg: true })['lr']?.startsWith('<?xml')).toBe(true);
});
