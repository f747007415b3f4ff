export { Value, value, isValue } from './value.js';
export { sum, mean, dot, logSumExp, softmax } from './n-ary.js';
export { zeroGrad } from './zero-grad.js';
export { noGrad, isGradEnabled } from './grad-mode.js';
export { toDot } from './to-dot.js';
export { Op, type Operand } from './op.js';
export { compile, compileByShape, CompileError, type Build, type Program } from './compile.js';
