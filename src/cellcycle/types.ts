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
  /** Single-cut debris (Bagwell et al., Cytometry 1991;12:107). */
  debris: boolean;
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
  | 'aggregates';

/** Modelled events per histogram bin, one array per component, each as long as the histogram (zero outside the window). */
export interface ComponentCurves {
  g1: Float64Array;
  s: Float64Array;
  g2m: Float64Array;
  /** The edge of the apoptotic hump reaching into the window (modelled so it does not bend G0/G1; not a cycle phase). */
  subG1Shoulder: Float64Array;
  debris: Float64Array;
  aggregates: Float64Array;
  total: Float64Array;
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
  curves: ComponentCurves;
}

export interface QualityFlag {
  code: 'g1-cv-high' | 'g2g1-ratio' | 'rcs-high' | 'parameters-at-bounds' | 'few-singlets' | 'doublets-disagree' | 'not-converged';
  message: string;
}
