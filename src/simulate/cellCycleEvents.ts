/**
 * One event of a simulated PI DNA-content tube at a time: its PI-A signal, scatter and pulse-width ratio, written
 * into a small record the sample's loop turns into columns. The sample (cellCycleModel.ts) decides how many events
 * of each kind there are; this module decides what each one looks like.
 */
import type { Rng } from './rng.ts';
import { sampleBeta, sampleExponential, sampleIndexFromCumulative, sampleLogNormal, sampleQuadratic } from './samplers.ts';

/**
 * Per-event class labels of a PI DNA-content sample (values stored in `labels`): the cycling population's phases,
 * sub-G1, debris (fragments near the lowest channels, and nuclei cut once), doublets, a second G1-like population's
 * phases, and clumps piled in PI-A's top channel.
 */
export const CellCycleClass = {
  g0g1: 0, s: 1, g2m: 2, subG1: 3, debris: 4, doublet: 5, secondG0g1: 6, secondS: 7, secondG2m: 8, cutNucleus: 9, clump: 10,
} as const;
export type CellCycleClassName = keyof typeof CellCycleClass;
export const CELL_CYCLE_CLASS_NAMES = Object.keys(CellCycleClass) as CellCycleClassName[];

export const Field = { Fsc: 0, Ssc: 1, Pi: 2, WidthRatio: 3 } as const;
export const FIELD_COUNT = 4;

/** A cycling population's constants, computed once per sample. */
export interface CycleShape {
  g1Mean: number;
  cv: number;
  g2g1Ratio: number;
  sCoefficients: [number, number, number];
  sMaxDensity: number;
  phaseCumulative: Float64Array;
}

/** Phases in the order of the labels: 0 = G0/G1, 1 = S, 2 = G2/M. */
export const Phase = { g0g1: 0, s: 1, g2m: 2 } as const;

const G1_FSC_MEDIAN = 70_000;
const G1_SSC_MEDIAN = 45_000;
const FSC_THRESHOLD = 5000;

/** DNA content relative to G0/G1 for a cycling phase: 1, a point of S drawn from the quadratic, or the G2 ratio. */
function relativeDnaContent(rng: Rng, shape: CycleShape, phase: number): number {
  if (phase === Phase.g0g1) return 1;
  if (phase === Phase.g2m) return shape.g2g1Ratio;
  return 1 + (shape.g2g1Ratio - 1) * sampleQuadratic(rng, shape.sCoefficients, shape.sMaxDensity);
}

/**
 * Writes a cell with the given DNA content (relative to G0/G1): PI-A broadened by the CV; scatter and pulse
 * width grow with `relativeVolume` (cross-section as volume^(2/3); the pulse lasts the beam height, about one
 * G1 diameter, plus the cell's diameter).
 */
function setCell(rng: Rng, shape: CycleShape, content: number, relativeVolume: number, scatterScale: number, out: Float64Array): void {
  out[Field.Pi] = shape.g1Mean * content * (1 + shape.cv * rng.standardNormal());
  const size = rng.standardNormal();
  out[Field.Fsc] = G1_FSC_MEDIAN * scatterScale * Math.pow(relativeVolume, 2 / 3) * Math.exp(0.12 * size);
  out[Field.Ssc] = G1_SSC_MEDIAN * scatterScale * Math.sqrt(relativeVolume) * Math.exp(0.2 * (0.6 * size + 0.8 * rng.standardNormal()));
  out[Field.WidthRatio] = ((1 + Math.cbrt(relativeVolume)) / 2) * Math.exp(0.035 * rng.standardNormal());
}

/** A cell of `shape`'s population in `phase`; its volume follows its DNA content relative to the first population. */
export function sampleCyclingCell(rng: Rng, shape: CycleShape, phase: number, out: Float64Array, volumeScale = 1): void {
  const content = relativeDnaContent(rng, shape, phase);
  setCell(rng, shape, content, content * volumeScale, 1, out);
}

export function sampleSubG1(rng: Rng, shape: CycleShape, out: Float64Array): void {
  // Apoptotic cells that lost DNA fragments: a broad hump between ~0.1 and 0.8 of G1, in shrunken cells.
  setCell(rng, shape, 0.08 + 0.72 * sampleBeta(rng, 2.5, 2.5), 0.75, 0.8, out);
}

export function sampleDebris(rng: Rng, shape: CycleShape, out: Float64Array): void {
  // Cut nuclei and fragments: PI falls off exponentially from the lowest channels, scatter from the threshold.
  const fsc = FSC_THRESHOLD + sampleExponential(rng, 6000);
  out[Field.Fsc] = fsc;
  out[Field.Ssc] = sampleLogNormal(rng, 7000 * Math.sqrt(fsc / 11_000), 0.6);
  out[Field.Pi] = sampleExponential(rng, 0.1 * shape.g1Mean);
  out[Field.WidthRatio] = 0.5 + 0.5 * Math.sqrt(fsc / G1_FSC_MEDIAN) * Math.exp(0.1 * rng.standardNormal());
}

/** Mean DNA content of a cut-nucleus piece, relative to G0/G1, before truncation at its parent's content. */
const CUT_PIECE_MEAN = 0.3;

/**
 * A piece of a nucleus cut up during preparation (Bagwell et al., Cytometry 1991;12:107, the multi-cut debris
 * model): its DNA content falls off exponentially, e^(−x/0.3 G1), up to its cycling parent's content, so that pieces
 * reach under S phase and G2/M and the debris falls towards G0/G1, as on the Gallios plant-nuclei files.
 */
export function sampleCutNucleus(rng: Rng, shape: CycleShape, out: Float64Array): void {
  const parent = relativeDnaContent(rng, shape, sampleIndexFromCumulative(rng, shape.phaseCumulative));
  const piece = -CUT_PIECE_MEAN * Math.log(1 - rng.uniform() * (1 - Math.exp(-parent / CUT_PIECE_MEAN)));
  setCell(rng, shape, piece, Math.max(piece, 0.05), 0.7, out);
}

export function sampleAggregate(rng: Rng, shape: CycleShape, out: Float64Array, partner: Float64Array): void {
  sampleCyclingCell(rng, shape, sampleIndexFromCumulative(rng, shape.phaseCumulative), out);
  sampleCyclingCell(rng, shape, sampleIndexFromCumulative(rng, shape.phaseCumulative), partner);
  // Nuclei in tandem: areas add; the pulse lasts the first nucleus plus the unoverlapped part of the second.
  out[Field.WidthRatio] += (0.4 + 0.55 * rng.uniform()) * partner[Field.WidthRatio];
  out[Field.Fsc] += partner[Field.Fsc];
  out[Field.Ssc] += partner[Field.Ssc];
  out[Field.Pi] += partner[Field.Pi];
}

/** A clump of three to six nuclei: PI far beyond the axis, piled into its top channel once measured. */
export function sampleClump(rng: Rng, shape: CycleShape, out: Float64Array): void {
  setCell(rng, shape, 3 + 3 * rng.uniform(), 4, 1.6, out);
}
