/**
 * Gaussian smoothing of histogram counts with an SD of `sdBins` bins, truncated at 3 SD and renormalised at the
 * edges (so the first and last bins are not pulled towards zero). `sdBins` ≤ 0 returns the counts unchanged.
 */
export function smoothCounts(counts: Float64Array, sdBins: number): Float64Array {
  if (!(sdBins > 0)) return counts;
  const reach = Math.ceil(3 * sdBins);
  const kernel = Float64Array.from({ length: 2 * reach + 1 }, (_, k) => Math.exp(-0.5 * ((k - reach) / sdBins) ** 2));
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    let sum = 0;
    let weight = 0;
    for (let k = -reach; k <= reach; k++) {
      const j = i + k;
      if (j < 0 || j >= counts.length) continue;
      sum += kernel[k + reach] * counts[j];
      weight += kernel[k + reach];
    }
    out[i] = sum / weight;
  }
  return out;
}
