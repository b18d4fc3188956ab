/*
 * Data-dependent components: both are computed once from the observed histogram, so only an amplitude is fitted.
 * Shapes cover the window bins [startBin, endBin) and sum to 1 over them, so the amplitude is an event count.
 * Channel values are bin centres (i + 0.5), proportional to DNA content because the axis starts at zero.
 */

/**
 * Single-cut debris (Bagwell et al., "DNA histogram debris theory and compensation", Cytometry 1991;12:107–118):
 * a nucleus of content x_j cut once at a random plane leaves fragments with density 2/(π·sqrt(x(x_j − x))) on
 * (0, x_j), and the chance of being cut grows with size as x_j^(1/3). So debris(x) ∝ Σ_{x_j > x} x_j^(1/3)·Y_j /
 * sqrt(x(x_j − x)), the formula flowPloidy evaluates as Σ j^(1/3)·Y_j·P_s(j, x).
 */
export function singleCutDebrisShape(counts: Float64Array, startBin: number, endBin: number): Float64Array {
  const shape = new Float64Array(endBin - startBin);
  // Bin centres differ by whole channels, so 1/sqrt(x_j − x) is a table of 1/sqrt(k).
  const inverseRoot = Float64Array.from({ length: counts.length }, (_, k) => (k > 0 ? 1 / Math.sqrt(k) : 0));
  const weighted = Float64Array.from(counts, (count, j) => (j >= startBin ? Math.cbrt(j + 0.5) * count : 0));
  let total = 0;
  for (let bin = startBin; bin < endBin; bin++) {
    let sum = 0;
    for (let j = bin + 1; j < counts.length; j++) sum += weighted[j] * inverseRoot[j - bin];
    const value = sum / Math.sqrt(bin + 0.5);
    shape[bin - startBin] = value;
    total += value;
  }
  return normaliseToUnitSum(shape, total);
}

export interface AggregateShapes {
  doublets: Float64Array;
  /** Null when triplets are not modelled. */
  triplets: Float64Array | null;
}

/**
 * Continuous aggregates (ModFit "AutoAggregates"; flowPloidy's AG component): two particles of contents x_j and
 * x_k stick together with a probability proportional to their surfaces, (x_j·x_k)^(2/3), and appear at x_j + x_k.
 * Doublets are the weighted self-convolution of the histogram, triplets the convolution of doublets with singlets.
 * Two bin centres sum to the edge between bins j + k and j + k + 1; for particles spread evenly within their bins
 * the sum is triangular about that edge, so exactly half lands in each bin.
 */
export function aggregateShapes(counts: Float64Array, startBin: number, endBin: number, triplets: boolean): AggregateShapes {
  const weightedSinglets = surfaceWeighted(counts);
  const doubletsAll = splitConvolution(weightedSinglets, weightedSinglets, endBin);
  const doublets = normaliseToUnitSum(doubletsAll.slice(startBin, endBin), sumRange(doubletsAll, startBin, endBin));
  if (!triplets) return { doublets, triplets: null };
  const tripletsAll = splitConvolution(weightedSinglets, surfaceWeighted(doubletsAll), endBin);
  return { doublets, triplets: normaliseToUnitSum(tripletsAll.slice(startBin, endBin), sumRange(tripletsAll, startBin, endBin)) };
}

/**
 * Adds q·doublets + (q²·tripletScale)·triplets: q doublet events and, pairing being independent, a triplet for each
 * further pairing, q²/M with M the window's events.
 */
export function addAggregates(values: Float64Array, shapes: AggregateShapes, doubletEvents: number, tripletScale: number): void {
  const { doublets, triplets } = shapes;
  const tripletEvents = doubletEvents * doubletEvents * tripletScale;
  for (let i = 0; i < values.length; i++) values[i] += doubletEvents * doublets[i] + (triplets ? tripletEvents * triplets[i] : 0);
}

/** Aggregate events, doublets plus triplets, for `doubletEvents` doublets. */
export function aggregateEvents(shapes: AggregateShapes, doubletEvents: number, tripletScale: number): number {
  return doubletEvents + (shapes.triplets ? doubletEvents * doubletEvents * tripletScale : 0);
}

/** ∂/∂q of `addAggregates`, written into `column`. */
export function writeAggregateSlope(column: Float64Array, shapes: AggregateShapes, doubletEvents: number, tripletScale: number): void {
  const { doublets, triplets } = shapes;
  const tripletSlope = 2 * doubletEvents * tripletScale;
  for (let i = 0; i < column.length; i++) column[i] = doublets[i] + (triplets ? tripletSlope * triplets[i] : 0);
}

function surfaceWeighted(counts: Float64Array): Float64Array {
  return Float64Array.from(counts, (count, i) => count * Math.pow(i + 0.5, 2 / 3));
}

/** (a ∗ b) with each pair split half-and-half between bins j + k and j + k + 1, for output bins below `length`. */
function splitConvolution(a: Float64Array, b: Float64Array, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let j = 0; j < a.length && j < length; j++) {
    const aj = a[j];
    if (aj === 0) continue;
    const half = 0.5 * aj;
    const kEnd = Math.min(b.length, length - j);
    for (let k = 0; k < kEnd; k++) {
      const v = half * b[k];
      out[j + k] += v;
      if (j + k + 1 < length) out[j + k + 1] += v;
    }
  }
  return out;
}

function sumRange(values: Float64Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i];
  return sum;
}

function normaliseToUnitSum(shape: Float64Array, total: number): Float64Array {
  if (total > 0) for (let i = 0; i < shape.length; i++) shape[i] /= total;
  return shape;
}
