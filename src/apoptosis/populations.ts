/**
 * The one table of Annexin V/PI population ids and biology names (field-anchors c5: x = Annexin V, y = PI;
 * LL viable, LR early apoptotic, UR late apoptotic, UL necrotic; total apoptotic = LR + UR).
 * Ids are stable: templates, the UI and exports refer to them.
 */
import type { PopulationId } from '../gating/types.ts';

export const CELLS_ID: PopulationId = 'cells';
export const SINGLETS_ID: PopulationId = 'singlets';
export const QUADRANT_GATE_ID = 'annexin-pi-quadrants';
export const ANNEXIN_DIVIDER_ID = 'annexin';
export const PI_DIVIDER_ID = 'pi';

/** The five reported populations, in report order. */
export type ApoptosisPopulationKey = 'viable' | 'earlyApoptotic' | 'lateApoptotic' | 'necrotic' | 'totalApoptotic';
export type QuadrantKey = Exclude<ApoptosisPopulationKey, 'totalApoptotic'>;

export const APOPTOSIS_POPULATION_KEYS: readonly ApoptosisPopulationKey[] = ['viable', 'earlyApoptotic', 'lateApoptotic', 'necrotic', 'totalApoptotic'];
export const QUADRANT_KEYS: readonly QuadrantKey[] = ['viable', 'earlyApoptotic', 'lateApoptotic', 'necrotic'];

export interface ApoptosisPopulationInfo {
  id: PopulationId;
  /** What the UI and exports show. */
  name: string;
}

export const APOPTOSIS_POPULATIONS: Readonly<Record<ApoptosisPopulationKey, ApoptosisPopulationInfo>> = {
  viable: { id: 'viable', name: 'Viable (AnnV−/PI−)' },
  earlyApoptotic: { id: 'early-apoptotic', name: 'Early apoptotic (AnnV+/PI−)' },
  lateApoptotic: { id: 'late-apoptotic', name: 'Late apoptotic (AnnV+/PI+)' },
  necrotic: { id: 'necrotic', name: 'Necrotic (AnnV−/PI+)' },
  totalApoptotic: { id: 'total-apoptotic', name: 'Total apoptotic (early + late)' },
};

/** Which side of the Annexin V and PI thresholds each quadrant covers: 0 below, 1 at or above (half-open, Gating-ML). */
export const QUADRANT_SIDES: Readonly<Record<QuadrantKey, { annexin: 0 | 1; pi: 0 | 1 }>> = {
  viable: { annexin: 0, pi: 0 },
  earlyApoptotic: { annexin: 1, pi: 0 },
  lateApoptotic: { annexin: 1, pi: 1 },
  necrotic: { annexin: 0, pi: 1 },
};

/** What each tube of the experiment is for: one of the three staining controls, the untreated (physiological negative) double-stained sample, or any other double-stained sample. */
export type ApoptosisRole = 'unstained' | 'annexinOnly' | 'piOnly' | 'untreated' | 'sample';
export type ControlRole = Extract<ApoptosisRole, 'unstained' | 'annexinOnly' | 'piOnly'>;

export const CONTROL_ROLE_NAMES: Readonly<Record<ControlRole, string>> = {
  unstained: 'unstained control',
  annexinOnly: 'Annexin V-only control',
  piOnly: 'PI-only control',
};

export function isControlRole(role: ApoptosisRole): role is ControlRole {
  return role === 'unstained' || role === 'annexinOnly' || role === 'piOnly';
}

export const ROLE_NAMES: Readonly<Record<ApoptosisRole, string>> = {
  ...CONTROL_ROLE_NAMES,
  untreated: 'untreated',
  sample: 'sample',
};
