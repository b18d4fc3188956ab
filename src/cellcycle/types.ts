import type { PhaseRanges } from './phaseRanges.ts';

/**
 * Events per bin on a linear DNA-content (PI-A) axis that starts at zero: bin i covers [i·binWidth, (i+1)·binWidth).
 * The axis starts at zero because the debris and aggregate models need channel values proportional to DNA content
 * (a doublet's signal is the sum of its two cells'; a cut nucleus's fragment is a fraction of its parent).
 */
export interface DnaHistogram {
  counts: Float64Array;
  /** Data units (PI-A) per bin. */
  binWidth: number;
}

export type ModelKind = 'djf' | 'watson' | 'rectangle';

/** How one fitted quantity is constrained: free within its default bounds, held at a value, or kept within a range. */
export type Constraint = { kind: 'free' } | { kind: 'fixed'; value: number } | { kind: 'range'; min: number; max: number };

/** The G2/M CV is constrained like any other quantity, or tied to the G0/G1 CV (σ2 = CV1·μ2). */
export type G2CvConstraint = Constraint | { kind: 'equal-to-g1' };

/** Continuous aggregate model built from the histogram's own self-convolution (doublets, optionally triplets). */
export type AggregateModel = 'off' | 'doublets' | 'doublets-and-triplets';

/**
 * Single-cut debris (Bagwell et al., Cytometry 1991;12:107): modelled when the histogram shows a debris slope below
 * G0/G1 (`auto`), always, or never.
 */
export type DebrisMode = 'auto' | 'on' | 'off';

/** Channels the model is fitted on, in data units; `auto` derives them from the G0/G1 peak. */
export type AnalysisWindow = { kind: 'auto' } | { kind: 'range'; min: number; max: number };

/**
 * Everything that defines a fit, as plain serialisable data, so that the model and constraints of a good control
 * can be copied to every sample.
 */
export interface CellCycleModelOptions {
  model: ModelKind;
  /** G0/G1 mean in data units. */
  g1Mean: Constraint;
  /** G0/G1 CV in percent. */
  g1CvPercent: Constraint;
  /** G2/M mean ÷ G0/G1 mean; `free` means within 1.75–2.25. */
  linearity: Constraint;
  /** G2/M CV in percent. */
  g2CvPercent: G2CvConstraint;
  debris: DebrisMode;
  aggregates: AggregateModel;
  window: AnalysisWindow;
}

export type FitParameterName =
  | 'g1Mean'
  | 'g1Cv'
  | 'linearity'
  | 'g2Cv'
  | 'g1Area'
  | 'g2Area'
  | 'sStart'
  | 'sMiddle'
  | 'sEnd'
  | 'sHeight'
  | 'subG1Shoulder'
  | 'debris'
  | 'aggregates'
  | 'dnaIndex'
  | 'secondCv'
  | 'secondG1Area'
  | 'secondG2Area'
  | 'secondS';

/** Modelled events per histogram bin, one array per component, each as long as the histogram (zero outside the window). */
export interface ComponentCurves {
  g1: Float64Array;
  s: Float64Array;
  g2m: Float64Array;
  /** The edge of the apoptotic hump reaching into the window (modelled so it does not bend G0/G1; not a cycle phase). */
  subG1Shoulder: Float64Array;
  debris: Float64Array;
  aggregates: Float64Array;
  /** The second G1-like population, G0/G1 + S + G2/M together; zero when there is none. */
  second: Float64Array;
  total: Float64Array;
}

/**
 * A second G1-like population beside the first (an internal standard, or an aneuploid clone beside diploid cells),
 * fitted with its own G0/G1, S and G2/M (ModFit's and MultiCycle's two-cycle model) and kept out of the first
 * population's phases.
 */
export interface SecondPopulation {
  /** Data units. */
  g1Mean: number;
  g1CvPercent: number;
  /** At the same linearity as the first population; may lie beyond the axis. */
  g2Mean: number;
  /** Second G0/G1 mean ÷ first G0/G1 mean: the DNA index when the first population is the diploid reference. */
  dnaIndex: number;
  /** Modelled events of the population (G0/G1 + S + G2/M). */
  events: number;
  /** `events` as % of both populations' modelled cells. */
  percentOfCells: number;
  /** % of the population's own modelled events. */
  g1Percent: number;
  sPercent: number;
  g2mPercent: number;
}

/**
 * One fitted DNA histogram. Phase percentages are of the modelled cycling cells (G0/G1 + S + G2/M = 100);
 * sub-G1, debris and aggregate percentages are of all singlets in the histogram.
 */
export interface CellCycleFit {
  model: ModelKind;
  options: CellCycleModelOptions;
  /**
   * Degree of the fitted S-phase polynomial: 0 for the rectangle; 1 or 2 for Dean-Jett-Fox, which keeps the curvature
   * only when the histogram supports it; null for Watson, whose S phase is what the peaks leave.
   */
  sPhaseOrder: 0 | 1 | 2 | null;
  binWidth: number;
  /** Fitted bins [startBin, endBin). */
  window: { startBin: number; endBin: number };
  /** Events in the histogram (all bins). */
  singlets: number;
  g1Percent: number;
  sPercent: number;
  g2mPercent: number;
  /** Modelled G0/G1 + S + G2/M events: the denominator of the phase percentages. */
  cyclingEvents: number;
  /** Everything the model puts inside the window (cycle, debris and aggregates). */
  modelledEvents: number;
  /** Data units. */
  g1Mean: number;
  g2Mean: number;
  g1CvPercent: number;
  g2CvPercent: number;
  g2g1Ratio: number;
  /** Suggested sub-G1 | G0/G1 | S | G2/M range gates, data units. */
  phaseRanges: PhaseRanges;
  /** Singlets in the sub-G1 range, % of singlets. */
  subG1Percent: number;
  debrisPercent: number;
  aggregatesPercent: number;
  /** Σ (observed − fitted)² / max(observed, 1) over the window. */
  chiSquare: number;
  degreesOfFreedom: number;
  /** Reduced chi-square χ²/(bins − free parameters) (Bagwell 1993); about 1 when the model explains the histogram to within counting noise. */
  rcs: number;
  iterations: number;
  converged: boolean;
  /** Shape parameters (positions, CVs, linearity) that ended on a bound of their allowed range. */
  parametersAtBounds: FitParameterName[];
  /** Whether single-cut debris was part of the model (options.debris, with `auto` decided from the histogram). */
  debrisModelled: boolean;
  /**
   * False when the histogram shows no G2/M peak of its own (a shoulder of S phase, or nothing): %G2/M then rests on
   * the model's assumptions (G2/M at linearity × G0/G1 with the G0/G1 CV) rather than on a resolved peak.
   */
  g2Resolved: boolean;
  /** The second G1-like population, or null when the histogram shows one population. */
  secondPopulation: SecondPopulation | null;
  curves: ComponentCurves;
}

export interface QualityFlag {
  code:
    | 'g1-cv-high'
    | 'g2g1-ratio'
    | 'rcs-high'
    | 'parameters-at-bounds'
    | 'few-singlets'
    | 'doublets-disagree'
    | 'not-converged'
    | 'off-scale'
    | 'second-g1-population'
    | 'g2-unresolved';
  message: string;
}
