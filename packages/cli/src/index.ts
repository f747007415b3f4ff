export { main, runAsProcess } from './main.js';
export { type Io, type Output, processIo } from './io.js';
export { ExitCode } from './command.js';
export { judge, Regime, Thresholds, type RunOutcome, type Verdict } from './verdict.js';
