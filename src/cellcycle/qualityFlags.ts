import type { OffScaleEvents } from './dnaHistogram.ts';
import type { CellCycleFit, FitParameterName, QualityFlag } from './types.ts';

/** Thresholds of the quality flags (issue 7). */
export const QUALITY_LIMITS = {
  maxG1CvPercent: 8,
  /** PI G2/M sits a little short of 2 × G0/G1 on many instruments (1.88 on the BD FACSymphony time course). */
  g2g1Ratio: { min: 1.85, max: 2.15 },
  /** RCS ≈ 1 is a fit within counting noise; above 3 the model misses real structure. */
  maxRcs: 3,
  minSinglets: 5000,
  /** Percentage points between the gate's and the aggregate model's doublet estimates. */
  maxDoubletDisagreement: 5,
  /** % of events off the DNA axis: a few per cent piled in the top channel often hide G2/M cells and aggregates. */
  maxOffScalePercent: 2,
} as const;

/** What is known about a sample beyond its fit. */
export interface FitEvidence {
  doublets?: DoubletEvidence | null;
  offScale?: OffScaleEvents | null;
}

/** Doublet estimates made outside the singlet fit, each a % of the events entering the singlet gate. */
export interface DoubletEvidence {
  /** Events the singlet gate left out. */
  gatePercent: number;
  /** Aggregates modelled in the histogram of all events before the singlet gate. */
  modelPercent: number;
}

/** Watson's second population is its two peaks: an S phase of its own cannot be told from the first population's. */
const WATSON_SECOND_S =
  "; Watson's model fits only its G0/G1 and G2/M peaks, so an S phase of its own stays in the first population's S: use Dean-Jett-Fox for two cycling populations.";

const PARAMETER_WORDS: Record<FitParameterName, string> = {
  g1Mean: 'G0/G1 position',
  g1Cv: 'G0/G1 CV',
  linearity: 'G2/M ÷ G0/G1 ratio',
  g2Cv: 'G2/M CV',
  g1Area: 'G0/G1 size',
  g2Area: 'G2/M size',
  sStart: 'S-phase start',
  sMiddle: 'S-phase middle',
  sEnd: 'S-phase end',
  sHeight: 'S-phase level',
  subG1Shoulder: 'sub-G1 shoulder',
  debris: 'debris',
  aggregates: 'aggregates',
  dnaIndex: 'DNA index of the second population',
  secondCv: 'second population CV',
  secondG1Area: 'second G0/G1 size',
  secondG2Area: 'second G2/M size',
  secondS: 'second S-phase level',
};

/**
 * Plain-language warnings about a fit: events off the DNA axis, a second G1-like population, broad G0/G1, G2/M not at
 * twice G0/G1 or not resolved from S phase, poor RCS, shape parameters held by their limits, too few singlets, no
 * convergence, and (with `doublets`) gate and model disagreeing on doublets.
 * @example assessCellCycleFit(fit, { doublets: { gatePercent: 12, modelPercent: 4 } }).map((flag) => flag.code)
 */
export function assessCellCycleFit(fit: CellCycleFit, { doublets = null, offScale = null }: FitEvidence = {}): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (offScale && offScale.percent > QUALITY_LIMITS.maxOffScalePercent) flags.push(offScaleFlag(offScale));
  const second = fit.secondPopulation;
  if (second) {
    flags.push({
      code: 'second-g1-population',
      message: `A second G0/G1-like peak sits at ${second.dnaIndex.toFixed(2)} × G0/G1 (DNA index; ${second.percentOfCells.toFixed(1)}% of the modelled cells): an internal standard or an aneuploid clone. It is fitted as its own population and left out of sub-G1, S and G2/M${fit.model === 'watson' ? WATSON_SECOND_S : '.'}`,
    });
  }
  const limits = QUALITY_LIMITS;
  if (fit.g1CvPercent > limits.maxG1CvPercent) {
    flags.push({
      code: 'g1-cv-high',
      message: `G0/G1 CV is ${fit.g1CvPercent.toFixed(1)}% (above ${limits.maxG1CvPercent}%): peaks this broad blur into S phase, so %S and %G2/M are less certain.`,
    });
  }
  if (fit.g2g1Ratio < limits.g2g1Ratio.min || fit.g2g1Ratio > limits.g2g1Ratio.max) {
    flags.push({
      code: 'g2g1-ratio',
      message: `G2/M sits at ${fit.g2g1Ratio.toFixed(2)} × G0/G1 (expected ${limits.g2g1Ratio.min}–${limits.g2g1Ratio.max}): check that the right peak was taken as G2/M, or fix the ratio from a good control.`,
    });
  }
  if (!fit.g2Resolved) {
    flags.push({
      code: 'g2-unresolved',
      message: `G2/M does not stand out from S phase as a peak of its own: its ${fit.g2mPercent.toFixed(1)}% rests on the model placing it at ${fit.g2g1Ratio.toFixed(2)} × G0/G1 with the G0/G1 CV. Compare with another model, or fix G2/M from a good control.`,
    });
  }
  if (fit.rcs > limits.maxRcs) {
    flags.push({
      code: 'rcs-high',
      message: `Reduced chi-square is ${fit.rcs.toFixed(2)} (above ${limits.maxRcs}): the model differs from the histogram by more than counting noise explains.`,
    });
  }
  if (fit.parametersAtBounds.length > 0) {
    const names = fit.parametersAtBounds.map((name) => PARAMETER_WORDS[name]).join(', ');
    flags.push({
      code: 'parameters-at-bounds',
      message: `The fit stopped at the allowed limit of: ${names}. Constrain it from a good control or check the analysis window.`,
    });
  }
  if (fit.singlets < limits.minSinglets) {
    flags.push({
      code: 'few-singlets',
      message: `Only ${Math.round(fit.singlets).toLocaleString('en-US')} singlets (fewer than ${limits.minSinglets.toLocaleString('en-US')}): phase percentages are uncertain by more than a point or two.`,
    });
  }
  if (!fit.converged) {
    flags.push({ code: 'not-converged', message: 'The fit stopped at its iteration limit before settling; treat its numbers with caution.' });
  }
  if (doublets && Math.abs(doublets.gatePercent - doublets.modelPercent) > limits.maxDoubletDisagreement) {
    flags.push({
      code: 'doublets-disagree',
      message: `The singlet gate left out ${doublets.gatePercent.toFixed(1)}% of events as doublets, but the aggregate model estimates ${doublets.modelPercent.toFixed(1)}%: check the singlet gate.`,
    });
  }
  return flags;
}

function offScaleFlag({ low, high, percent }: OffScaleEvents): QualityFlag {
  const parts = [high > 0 ? `${formatCount(high)} piled in the top channel` : null, low > 0 ? `${formatCount(low)} at or below zero` : null];
  const advice =
    high >= low
      ? 'Lower the DNA detector voltage (or gain) so that G2/M cells and aggregates stay on scale.'
      : 'Check the trigger threshold and the DNA detector baseline.';
  return {
    code: 'off-scale',
    message: `${percent.toFixed(1)}% of the events are off the DNA axis (${parts.filter((p) => p !== null).join(', ')}) and were left out of the fit. ${advice}`,
  };
}

function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}
