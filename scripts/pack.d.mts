/** The monorepo's root folder. */
export declare const root: string;
/** A package's manifest, by its folder name under packages/. */
export declare function manifest(dir: string): Record<string, any>;
/** The folder names of the published packages: every packages/* not marked private. */
export declare function publishedPackages(): string[];
/** The package and every @etagrad package it depends on, transitively. */
export declare function closure(dir: string, seen?: Set<string>): Set<string>;
/** Builds and packs every published package into `folder`; returns each tarball's path by folder name. */
export declare function packAll(folder: string, options?: { fresh?: boolean }): Record<string, string>;
/** The `npm install` command that installs `dir` with its @etagrad dependencies from `tarballs`. */
export declare function installCommand(dir: string, tarballs: Record<string, string>): string;
