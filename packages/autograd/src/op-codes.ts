// Every op code as a constant of its own, gathered for users in op.ts's `Op`. The engine's modules
// import them as `import * as Op from './op-codes.js'`, which a bundler writes as plain numbers
// (esbuild inlines an imported constant, never an object's property): smaller, and no property
// load per use. Stored: never renumber.
export const Leaf = 0;
export const Add = 1;
export const Sub = 2;
export const Mul = 3;
export const Div = 4;
export const Neg = 5;
export const Pow = 6;
export const Exp = 7;
export const Log = 8;
export const Sqrt = 9;
export const Abs = 10;
export const Tanh = 11;
export const Sigmoid = 12;
export const Relu = 13;
export const LeakyRelu = 14;
export const Softplus = 15;
export const Elu = 16;
export const Gelu = 17;
export const Min = 18;
export const Max = 19;
export const Sum = 20;
export const Mean = 21;
export const Dot = 22;
export const LogSumExp = 23;
