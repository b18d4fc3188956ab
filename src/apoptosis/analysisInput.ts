/** What an Annexin V/PI analysis is given: the tubes (open sessions, with their roles) and the user's choices. */
import type { SampleSession } from '../analysis/sampleSession.ts';
import type { ScatterChannels } from '../channels/scatter.ts';
import type { CompensationChoice, FluorescenceChannels } from './compensation.ts';
import type { ApoptosisRole } from './populations.ts';
import type { PreGateVertices } from './strategy.ts';
import type { QuadrantThresholds, ThresholdRule } from './thresholds.ts';

export interface ApoptosisTube {
  /** File name; unique within the experiment. */
  name: string;
  role: ApoptosisRole;
  session: SampleSession;
  /** Hand-edited pre-gates replacing the automatic ones. */
  preGates?: PreGateVertices;
  /** Hand-set quadrant centre for this tube (either axis); the results row flags it. */
  thresholdOverride?: Partial<QuadrantThresholds>;
}

export interface ApoptosisOptions {
  fluorescence: FluorescenceChannels;
  scatter: ScatterChannels;
  compensation: CompensationChoice;
  /** 50 ≤ percentile < 100. */
  percentile: number;
  thresholdRule: ThresholdRule;
  /** Experiment-wide thresholds typed by hand, per axis (compensated data units), instead of the data-derived ones. */
  manualThresholds?: Partial<QuadrantThresholds>;
}

/** The analysis cannot produce numbers: a threshold has no source, or no tube can be analysed. */
export class ApoptosisAnalysisError extends Error {
  override name = 'ApoptosisAnalysisError';
}
