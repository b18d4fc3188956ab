/**
 * The percentages an experiment reports per tube, per condition and along a dose-response, named exactly as the
 * per-tube result tables name them (src/apoptosis/resultsTable.ts, src/cellcycle/resultsTable.ts), so a number reads
 * the same on screen, in the workbook and in the CLI's files.
 */
import type { Assay } from '../analysis/sampleSheet.ts';
import { APOPTOSIS_POPULATIONS, type ApoptosisPopulationKey } from '../apoptosis/populations.ts';
import type { ApoptosisResultRow } from '../apoptosis/results.ts';
import { asciiName } from '../apoptosis/resultsTable.ts';
import { FIT_BASIS, RANGE_GATE_BASIS } from '../cellcycle/resultsTable.ts';
import { PHASE_NAMES, PHASE_POPULATIONS } from '../cellcycle/cellCycleGates.ts';
import type { CellCycleFit } from '../cellcycle/types.ts';
import type { PopulationId } from '../gating/types.ts';

export type MeasureKey = ApoptosisPopulationKey | 'subG1' | 'g0g1' | 's' | 'g2m';

export interface Measure {
  key: MeasureKey;
  assay: Assay;
  /** The population or phase, e.g. "Viable (AnnV-/PI-)" or "G2/M". */
  population: string;
  /** What the percentage is of, e.g. "% of singlets". */
  basis: string;
  /** The column name everywhere: `${population} ${basis}`. */
  column: string;
  /** The gated population whose % of parent it is; null for the fit's phases. */
  populationId: PopulationId | null;
}

function measure(key: MeasureKey, assay: Assay, population: string, basis: string, populationId: PopulationId | null): Measure {
  return { key, assay, population, basis, column: `${population} ${basis}`, populationId };
}

const apoptosis = (key: ApoptosisPopulationKey) => measure(key, 'apoptosis', asciiName(APOPTOSIS_POPULATIONS[key].name), '% of singlets', APOPTOSIS_POPULATIONS[key].id);

/** In report order: the apoptosis composition, then sub-G1 and the cell cycle. */
export const MEASURES: readonly Measure[] = [
  apoptosis('viable'),
  apoptosis('earlyApoptotic'),
  apoptosis('lateApoptotic'),
  apoptosis('necrotic'),
  apoptosis('totalApoptotic'),
  measure('subG1', 'cellCycle', PHASE_NAMES.subG1, RANGE_GATE_BASIS, PHASE_POPULATIONS.subG1),
  measure('g0g1', 'cellCycle', PHASE_NAMES.g0g1, FIT_BASIS, null),
  measure('s', 'cellCycle', PHASE_NAMES.s, FIT_BASIS, null),
  measure('g2m', 'cellCycle', PHASE_NAMES.g2m, FIT_BASIS, null),
];

export function measureOf(key: MeasureKey): Measure {
  const found = MEASURES.find((m) => m.key === key);
  if (!found) throw new RangeError(`unknown measure ${key}`);
  return found;
}

/** The parts of a stacked composition bar: the four quadrants (they add up to 100 % of singlets) and the three phases. */
export const COMPOSITION: Readonly<Record<Assay, readonly MeasureKey[]>> = {
  apoptosis: ['viable', 'earlyApoptotic', 'lateApoptotic', 'necrotic'],
  cellCycle: ['g0g1', 's', 'g2m'],
};

export type MeasureValues = Partial<Record<MeasureKey, number>>;

/** An apoptosis tube's percentages. */
export function apoptosisMeasures(row: Pick<ApoptosisResultRow, 'percent'>): MeasureValues {
  const { viable, earlyApoptotic, lateApoptotic, necrotic, totalApoptotic } = row.percent;
  return { viable, earlyApoptotic, lateApoptotic, necrotic, totalApoptotic };
}

/**
 * A cell-cycle tube's percentages: the phases from the fit (% of the modelled cycling cells) and sub-G1 from its
 * range gate as it stands, or, before the gates are counted (the CLI), from the suggested range the gate starts as.
 */
export function cellCycleMeasures(fit: Pick<CellCycleFit, 'g1Percent' | 'sPercent' | 'g2mPercent' | 'subG1Percent'>, rangeGates?: { subG1: number } | null): MeasureValues {
  return { subG1: rangeGates?.subG1 ?? fit.subG1Percent, g0g1: fit.g1Percent, s: fit.sPercent, g2m: fit.g2mPercent };
}
