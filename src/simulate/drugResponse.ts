import { DEFAULT_APOPTOSIS_PARAMS, type ApoptosisFractions, type ApoptosisParams, type ApoptosisStain } from './apoptosisModel.ts';
import { DEFAULT_CELL_CYCLE_PARAMS, type CellCycleParams, type PhaseFractions } from './cellCycleModel.ts';

/**
 * An illustrative proteasome-inhibitor response (ixazomib-like) of a myeloma-like suspension line over dose and
 * time. Its shape follows what such drugs are reported to do — cell death rising with dose and time, early
 * apoptosis first and late apoptosis accumulating by 48 h, G2/M accumulation and a growing sub-G1 — but the
 * numbers are invented for the demo, not fitted to any data set.
 */
export interface TreatmentResponse {
  doseNm: number;
  timeH: number;
  /** Fraction of the untreated viable cells that the drug has killed by `timeH`. */
  killedFraction: number;
  /** 0 (untreated) to 1 (full G2/M block). */
  arrest: number;
  apoptosis: ApoptosisFractions;
  phaseFractions: PhaseFractions;
  /** Sub-G1 cells as a fraction of single cells. */
  subG1Fraction: number;
  /** Debris grows as dead cells fall apart. */
  debrisFraction: number;
}

const HILL_SLOPE = 1.5;
/** Part of the newly killed cells seen as necrotic (Annexin−/PI+) rather than apoptotic. */
const NECROTIC_SHARE = 0.06;

function hill(doseNm: number, halfEffectNm: number): number {
  const x = Math.pow(doseNm, HILL_SLOPE);
  return x / (x + Math.pow(halfEffectNm, HILL_SLOPE));
}

/**
 * Response at one dose (nM, ≥ 0) and exposure time (h, 1–168).
 * @example ixazomibLikeResponse(100, 48).apoptosis.viable // ≈ 0.32
 */
export function ixazomibLikeResponse(doseNm: number, timeH: number): TreatmentResponse {
  if (!(doseNm >= 0 && doseNm <= 100_000)) throw new RangeError(`ixazomibLikeResponse: doseNm must be in [0, 100000], got ${doseNm}`);
  if (!(timeH >= 1 && timeH <= 168)) throw new RangeError(`ixazomibLikeResponse: timeH must be in [1, 168], got ${timeH}`);
  // Untreated cultures get a little more crowded, and a little less viable, by 48 h.
  const crowding = Math.min(1, Math.max(0, (timeH - 24) / 24));
  const baseline: ApoptosisFractions = {
    viable: 0.9 - 0.02 * crowding,
    earlyApoptotic: 0.045 + 0.005 * crowding,
    lateApoptotic: 0.035 + 0.01 * crowding,
    necrotic: 0.02 + 0.005 * crowding,
  };
  // The drug's potency and its ceiling both grow with exposure time.
  const killedFraction = (1 - Math.exp(-timeH / 40)) * hill(doseNm, 45 * (24 / timeH));
  const killed = baseline.viable * killedFraction;
  // Killed cells pass through early apoptosis, which they leave for late apoptosis after ~35 h on average.
  const stillEarly = Math.exp(-timeH / 35);
  const apoptosis: ApoptosisFractions = {
    viable: baseline.viable - killed,
    earlyApoptotic: baseline.earlyApoptotic + killed * (1 - NECROTIC_SHARE) * stillEarly,
    lateApoptotic: baseline.lateApoptotic + killed * (1 - NECROTIC_SHARE) * (1 - stillEarly),
    necrotic: baseline.necrotic + killed * NECROTIC_SHARE,
  };

  const arrest = hill(doseNm, timeH >= 48 ? 20 : 25);
  const g2m = 0.15 - 0.02 * crowding + 0.3 * arrest;
  const s = 0.3 - 0.03 * crowding - 0.12 * arrest;
  return {
    doseNm,
    timeH,
    killedFraction,
    arrest,
    apoptosis,
    phaseFractions: { g0g1: 1 - g2m - s, s, g2m },
    subG1Fraction: 0.02 + 0.01 * crowding + 0.45 * killedFraction,
    debrisFraction: 0.05 + 0.12 * killedFraction,
  };
}

/** Annexin V/PI simulation parameters for a tube treated at `doseNm` for `timeH`. */
export function apoptosisParamsForTreatment(doseNm: number, timeH: number, eventCount: number, stain: ApoptosisStain = 'annexinAndPi'): ApoptosisParams {
  const response = ixazomibLikeResponse(doseNm, timeH);
  return {
    ...DEFAULT_APOPTOSIS_PARAMS,
    eventCount,
    singleCellFractions: response.apoptosis,
    debrisFraction: response.debrisFraction,
    stain,
  };
}

/** PI DNA-content simulation parameters for a tube treated at `doseNm` for `timeH`. */
export function cellCycleParamsForTreatment(doseNm: number, timeH: number, eventCount: number): CellCycleParams {
  const response = ixazomibLikeResponse(doseNm, timeH);
  return {
    ...DEFAULT_CELL_CYCLE_PARAMS,
    eventCount,
    phaseFractions: response.phaseFractions,
    subG1Fraction: response.subG1Fraction,
    debrisFraction: response.debrisFraction,
    // Dying cultures give broader DNA peaks.
    g1Cv: 0.04 + 0.015 * response.killedFraction,
  };
}
