/** Which export of each library package the consumer check imports. */
export declare const probes: Record<string, string>;
/** Packs, installs, imports and type-checks each package; returns one line per package, throws on failure. */
export declare function checkPacks(dirs?: readonly string[]): string[];
