/** Extracts `tarball` into `into` and checks its licence, manifest targets and source maps; throws naming the first missing file. */
export declare function checkTarball(tarball: string, into: string, licence: string): { maps: number };
