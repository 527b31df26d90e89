/** Bounded concurrency for the use cases: a few workbooks or councils at once, never all. */

/**
 * Runs `fn` over `items`, at most `limit` at once, starting them in order; once `stop()` says so,
 * no further item is started (those already started finish).
 */
export async function eachAtMost<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length && !stop(); i = next++) await fn(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
