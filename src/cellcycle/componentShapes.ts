import { normalCdf, upperNormalTail } from './normalDistribution.ts';

/*
 * Component shapes of a DNA histogram, in channel units (bin i covers [i, i + 1), its centre is i + 0.5).
 * Each writer fills `out[i − startBin]` for the bins [startBin, startBin + out.length).
 */

/** Beyond this many SDs a Gaussian contributes less than 1e-15 of its area. */
const GAUSSIAN_REACH_SD = 8;
/** S-phase slices are summed over ±6 SD: what is left out (2e-9 of each slice) is far below the quadrature error. */
const SLICE_REACH_SD = 6;
const INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
/** Two-point Gauss–Legendre nodes sit ±1/(2√3) of a slice from its centre, each with half the slice's weight. */
const GAUSS_LEGENDRE_OFFSETS = [-0.5 / Math.sqrt(3), 0.5 / Math.sqrt(3)];

/**
 * Fraction of a normal(mean, sd) falling in each bin: exact bin integrals, so narrow peaks keep their CV.
 * @example writeGaussianBins(out, 0, 200.5, 6) // out[200] ≈ 0.0663
 */
export function writeGaussianBins(out: Float64Array, startBin: number, mean: number, sd: number): void {
  out.fill(0);
  const first = Math.max(startBin, Math.floor(mean - GAUSSIAN_REACH_SD * sd));
  const last = Math.min(startBin + out.length, Math.ceil(mean + GAUSSIAN_REACH_SD * sd));
  if (first >= last) return;
  // Each edge keeps whichever tail is small, so far-tail bins do not lose precision to 1 − 1.
  let z = (first - mean) / sd;
  let tail = z <= 0 ? normalCdf(z) : upperNormalTail(z);
  for (let bin = first; bin < last; bin++) {
    const nextZ = (bin + 1 - mean) / sd;
    const nextTail = nextZ <= 0 ? normalCdf(nextZ) : upperNormalTail(nextZ);
    let probability: number;
    if (nextZ <= 0) probability = nextTail - tail;
    else if (z > 0) probability = tail - nextTail;
    else probability = 1 - tail - nextTail;
    out[bin - startBin] = probability;
    z = nextZ;
    tail = nextTail;
  }
}

/** The three Bernstein basis shapes of a Dean-Jett-Fox S phase; each has area (μ2 − μ1)/3. */
export interface DjfBasis {
  start: Float64Array;
  middle: Float64Array;
  end: Float64Array;
}

/** S-phase integral slices per SD of the narrower peak: 1.33 keeps two-point Gauss–Legendre within 1e-4 of the S level. */
const SLICES_PER_SD = 4 / 3;

/**
 * S phase of Dean & Jett (J Cell Biol 1974;60:523) as in Fox (Cytometry 1980;1:71): DNA content u between the G0/G1
 * mean μ1 and the G2/M mean μ2 has density s(u) = b0(1−t)² + 2·b1·t(1−t) + b2·t² with t = (u − μ1)/(μ2 − μ1);
 * non-negative b's keep the density non-negative (Bernstein form). Each slice is broadened by a Gaussian whose SD
 * runs linearly from σ1 at μ1 to σ2 at μ2 (with equal CVs this is CV·u). The integral over u uses two-point
 * Gauss–Legendre on slices 0.75 SD wide (the last one shorter), so the shape changes continuously with the parameters;
 * it is within 1e-4 of the exact convolution, relative to the S level. Each node's Gaussian is sampled at the bin
 * centres. Writes the basis shape for unit b0, b1 and b2.
 */
export function writeDjfBasis(basis: DjfBasis, startBin: number, mean1: number, mean2: number, sd1: number, sd2: number): void {
  const { start, middle, end } = basis;
  start.fill(0);
  middle.fill(0);
  end.fill(0);
  const span = mean2 - mean1;
  if (!(span > 0)) return;
  const sliceWidth = Math.min(sd1, sd2) / SLICES_PER_SD;
  const sliceCount = Math.ceil(span / sliceWidth);
  for (let slice = 0; slice < sliceCount; slice++) {
    const from = slice * sliceWidth;
    const width = Math.min(sliceWidth, span - from);
    for (const offset of GAUSS_LEGENDRE_OFFSETS) {
      const t = (from + width * (0.5 + offset)) / span;
      addDjfNode(basis, startBin, t, 0.5 * width, mean1 + span * t, sd1 + (sd2 - sd1) * t);
    }
  }
}

/** Adds one quadrature node (weight in channels of DNA content) of the S-phase integral to the three basis shapes. */
function addDjfNode(basis: DjfBasis, startBin: number, t: number, weight: number, u: number, sd: number): void {
  const { start, middle, end } = basis;
  const first = Math.max(startBin, Math.floor(u - SLICE_REACH_SD * sd));
  const last = Math.min(startBin + start.length, Math.ceil(u + SLICE_REACH_SD * sd));
  if (first >= last) return;
  const scale = (weight * INV_SQRT_TWO_PI) / sd;
  const weightStart = scale * (1 - t) * (1 - t);
  const weightMiddle = scale * 2 * t * (1 - t);
  const weightEnd = scale * t * t;
  // exp(−d²/2σ²) along bin centres by a two-term recurrence: three exps per node instead of one per bin.
  const inverseVariance = 1 / (sd * sd);
  const d = first + 0.5 - u;
  let value = Math.exp(-0.5 * d * d * inverseVariance);
  let ratio = Math.exp(-(d + 0.5) * inverseVariance);
  const ratioStep = Math.exp(-inverseVariance);
  for (let bin = first; bin < last; bin++) {
    const i = bin - startBin;
    start[i] += weightStart * value;
    middle[i] += weightMiddle * value;
    end[i] += weightEnd * value;
    value *= ratio;
    ratio *= ratioStep;
  }
}

/**
 * Zero-order ("broadened rectangle") S phase, unit height: a flat density from μ1 to μ2 whose left edge is blurred
 * with the G0/G1 SD and right edge with the G2/M SD, Φ((μ2 − x)/σ2) − Φ((μ1 − x)/σ1) at bin centres. With σ1 = σ2 = s
 * it is the rectangle convolved with N(0, s²), [erf((μ2 − x)/(√2·s)) − erf((μ1 − x)/(√2·s))]/2, which is the
 * MultiCycle/flowPloidy S0 term with the √2·s argument written correctly. Its area is μ2 − μ1 for any σ1, σ2.
 */
export function writeRectangleSPhase(out: Float64Array, startBin: number, mean1: number, mean2: number, sd1: number, sd2: number): void {
  out.fill(0);
  const first = Math.max(startBin, Math.floor(mean1 - GAUSSIAN_REACH_SD * sd1));
  const last = Math.min(startBin + out.length, Math.ceil(mean2 + GAUSSIAN_REACH_SD * sd2));
  const midpoint = (mean1 + mean2) / 2;
  for (let bin = first; bin < last; bin++) {
    const x = bin + 0.5;
    // Written as a difference of the two small tails on each side, so the far flanks keep their precision.
    out[bin - startBin] =
      x < midpoint
        ? normalCdf((x - mean1) / sd1) - upperNormalTail((mean2 - x) / sd2)
        : normalCdf((mean2 - x) / sd2) - normalCdf((mean1 - x) / sd1);
  }
}
