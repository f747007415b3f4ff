/** Which export of each library package the consumer check imports. */
export declare const probes: Record<string, string>;
/** Packs every package and checks each tarball, then installs, imports and type-checks each of `dirs`; returns one line per check, throws on failure. */
export declare function checkPacks(dirs?: readonly string[]): string[];
