/**
 * Learning rates and losses to 4 significant digits, without trailing zeros: `0.1`, `0.000025`, `1e-7`.
 *
 * @param x - the number
 */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

/**
 * A duration in seconds as `42s`, `3m05s` or `1h02m`.
 *
 * @param seconds - the duration in seconds
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h${pad(Math.floor((s % 3600) / 60))}m`;
}
