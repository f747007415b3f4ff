/** Packages that run only under Node, whatever their entries. */
export declare const nodeOnlyPackages: readonly string[];
/** Every entry that must run in a browser: each export of each library package but `./node` and `./package.json`. */
export declare function browserEntries(): string[];
/** Size budgets in bytes, minified: what `import { name } from from` may add to a browser bundle. */
export declare const budgets: readonly { name: string; from: string; limit: number }[];
/** Bundles `source` for the browser: its minified code and size, the Node built-ins it imports (with importer), the Node globals it names. */
export declare function bundle(source: string): Promise<{ code: string; bytes: number; builtins: string[]; globals: string[] }>;
/** Each budget with the bytes its import bundles to now. */
export declare function measureBudgets(): Promise<{ name: string; from: string; limit: number; bytes: number }[]>;
