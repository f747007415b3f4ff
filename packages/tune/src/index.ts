// @etagrad/tune: find the learning rate, compare runs, search hyperparameters. This entry is
// browser-safe; worker threads and BullMQ live in `@etagrad/tune/node`.

export { lrFind, type LrFindOptions, type LrFindResult, type LrTrial } from './lr-find.js';
export { suggestLrs, type LrSuggestions } from './lr-suggestions.js';
export { lrFindChart, lrFindSvg, type LrFindChartOptions } from './lr-find-chart.js';
export { compareRuns, type CompareCommon, type CompareRun, type RunRecord } from './compare-runs.js';
export { compareCharts, compareTable, type CompareChartOptions } from './compare-report.js';
