/**
 * Sums consecutive bins in groups of `factor`, for drawing a 1,024-channel histogram and its model at a resolution a
 * plot can show. Only pixels come from the result: every number shown or exported is read from the full histogram.
 * @example sumBins(Float64Array.of(1, 2, 3, 4), 2) // Float64Array [3, 7]
 */
export function sumBins(values: ArrayLike<number>, factor: number): Float64Array {
  if (!Number.isInteger(factor) || factor < 1 || values.length % factor !== 0) {
    throw new RangeError(`sumBins: ${values.length} bins cannot be summed in groups of ${factor}`);
  }
  const summed = new Float64Array(values.length / factor);
  for (let i = 0; i < values.length; i++) summed[Math.floor(i / factor)] += values[i];
  return summed;
}
