// @etagrad/cli: the `etagrad` command (bin `etagrad`); `main` runs it from code or tests.

export { main, runAsProcess } from './main.js';
export { type Io, type Output, processIo } from './io.js';
export { type InterruptSignal, type OnInterrupt } from './interrupt.js';
export { ExitCode } from './command.js';
export { blowUpStep, judge, Regime, Thresholds, type RunOutcome, type Verdict } from './verdict.js';
