/** Test-side summaries of simulated columns, per true class. */

/** Values of `column` at events whose label is `label`. */
export function valuesOfClass(column: ArrayLike<number>, labels: Uint8Array, label: number): Float64Array {
  const values: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === label) values.push(column[i]);
  return Float64Array.from(values);
}

/** Empirical quantile (nearest rank on the sorted values), p in [0, 1]. */
export function quantile(values: Float64Array, p: number): number {
  const sorted = values.toSorted();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export function median(values: Float64Array): number {
  return quantile(values, 0.5);
}

export function meanAndSd(values: Float64Array): { mean: number; sd: number } {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

/** Column of a write input by $PnN. */
export function columnNamed(input: { channels: { name: string }[]; columns: ArrayLike<number>[] }, name: string): ArrayLike<number> {
  const index = input.channels.findIndex((channel) => channel.name === name);
  if (index < 0) throw new Error(`no channel ${name}`);
  return input.columns[index];
}
