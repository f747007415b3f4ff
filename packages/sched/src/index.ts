// @etagrad/sched: learning-rate schedules as composable, serializable pure functions of the step.

export { type Json, type Kind, type Schedule, type ScheduleSpec, scheduleKinds } from './types.js';
export { defineSchedule, type KindSpec } from './define-schedule.js';
export { isSchedule } from './is-schedule.js';
export { checkNumber } from './check.js';

export { constant } from './constant.js';
export { cosine, type CosineOptions } from './cosine.js';

export { warmup, warmupShapes, type WarmupOptions, type WarmupShape } from './warmup.js';

export { fromSpec } from './from-spec.js';
export { format } from './format.js';
