/**
 * Walk state of a node, kept in its `mark` field: `backward` lists the graph with it in linear
 * time, with no Set. A leaf is marked once, at its making, so that the walk skips it with one
 * read; every other node is back to `New` whenever no pass is running.
 */
export const Mark = { New: 0, Open: 1, Done: 2, Leaf: 3 } as const;
export type Mark = (typeof Mark)[keyof typeof Mark];
