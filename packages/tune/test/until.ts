/**
 * Resolves once `found()` returns a value (checked every 50 ms, for at most `limit` ms).
 *
 * @param found - what to wait for: undefined until it is there
 * @param limit - milliseconds to wait at most
 */
export async function until<T>(found: () => T | undefined, limit: number): Promise<T> {
  for (const start = Date.now(); Date.now() - start < limit; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const value = found();
    if (value !== undefined) return value;
  }
  throw new Error(`not within ${limit} ms`);
}
