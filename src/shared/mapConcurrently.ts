/**
 * `work` applied to every item, at most `limit` at a time (each next item starts as soon as one finishes, so a pool of
 * workers is kept busy); the answers in the items' order.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let started = 0;
  const next = async (): Promise<void> => {
    for (let k = started++; k < items.length; k = started++) results[k] = await work(items[k], k);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, next));
  return results;
}
