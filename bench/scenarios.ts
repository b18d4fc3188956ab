/** Gating scenarios shared by the Node and the browser benchmarks, so both time exactly the same work. */
import type { Dimension, Gate, GatingStrategy, QuadrantGate } from '../src/gating/types.ts';

export const raw = (name: string): Dimension => ({ source: { kind: 'channel', name }, compensation: 'uncompensated', transform: null });
export const compensated = (name: string): Dimension => ({ source: { kind: 'channel', name }, compensation: 'FCS', transform: null });

/** The apoptosis tree the app builds: cells (FSC-A/SSC-A) → singlets (FSC-A/FSC-H) → Annexin V/PI quadrants. */
export function apoptosisStrategy(annexinCut: number, piCut: number): GatingStrategy {
  const cells: Gate = {
    kind: 'polygon',
    id: 'cells',
    name: 'Cells',
    parentId: null,
    dimensions: [raw('FSC-A'), raw('SSC-A')],
    vertices: [[30000, 8000], [120000, 6000], [250000, 20000], [260000, 150000], [200000, 250000], [90000, 240000], [35000, 150000], [28000, 60000]],
  };
  const singlets: Gate = {
    kind: 'polygon',
    id: 'singlets',
    name: 'Singlets',
    parentId: 'cells',
    dimensions: [raw('FSC-A'), raw('FSC-H')],
    vertices: [[20000, 15000], [140000, 108000], [262000, 200000], [262000, 262000], [150000, 200000], [20000, 28000]],
  };
  const quadrants: QuadrantGate = {
    kind: 'quadrant',
    id: 'apoptosis',
    name: 'Annexin V / PI',
    parentId: 'singlets',
    dividers: [
      { id: 'annexin', dimension: compensated('FITC-A'), values: [annexinCut] },
      { id: 'pi', dimension: compensated('PE-A'), values: [piCut] },
    ],
    quadrants: [
      { id: 'viable', name: 'AnnexinV−/PI−', positions: [{ dividerId: 'annexin', interval: 0 }, { dividerId: 'pi', interval: 0 }] },
      { id: 'early', name: 'AnnexinV+/PI−', positions: [{ dividerId: 'annexin', interval: 1 }, { dividerId: 'pi', interval: 0 }] },
      { id: 'late', name: 'AnnexinV+/PI+', positions: [{ dividerId: 'annexin', interval: 1 }, { dividerId: 'pi', interval: 1 }] },
      { id: 'necrotic', name: 'AnnexinV−/PI+', positions: [{ dividerId: 'annexin', interval: 0 }, { dividerId: 'pi', interval: 1 }] },
    ],
  };
  return { version: 1, transforms: {}, ratios: {}, compensations: {}, gates: [cells, singlets, quadrants] };
}

export const QUADRANT_IDS = ['viable', 'early', 'late', 'necrotic'];
