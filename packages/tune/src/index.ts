/**
 * Find the learning rate, compare runs, search hyperparameters. This entry is browser-safe;
 * worker threads and BullMQ live in `@etagrad/tune/node`.
 *
 * @module @etagrad/tune
 */

export { lrFind, type LrFindOptions, type LrFindResult, type LrTrial } from './lr-find.js';
export { suggestLrs, type LrSuggestions } from './lr-suggestions.js';
export { lrFindChart, lrFindSvg, type LrFindChartOptions } from './lr-find-chart.js';
export { compareRuns, type CompareCommon, type CompareRun, type RunRecord } from './compare-runs.js';
export { compareCharts, compareTable, type CompareChartOptions } from './compare-report.js';
export { choice, logUniform, uniform, type Choice, type Config, type Domain, type Json, type LogUniform, type Space, type Uniform } from './space.js';
export { gridSearch, randomSearch, successiveHalving, type GridSearchOptions, type RandomSearchOptions, type SuccessiveHalvingOptions } from './searches.js';
export { type CommonSearchOptions, type ObjectiveSpec, type SearchProgress } from './run-search.js';
export { type Evaluation, type Objective, type ObjectiveResult, type Rung, type SearchResult, type TrialRecord, type TrialStatus } from './trial.js';
export { inProcessExecutor, type Executor, type TrialTask } from './executor.js';
export { memoryJournal, type Journal } from './journal.js';
export { fitObjective, type FitObjectiveSpec } from './fit-objective.js';
export { fitDatasets, fitOptimizers, type FitDataset, type FitDatasetName, type FitOptimizer, type FitOptimizerName } from './fit-parts.js';
export { searchCharts, searchCsv, searchTable, type SearchChartOptions } from './search-report.js';
