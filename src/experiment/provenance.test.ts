import { describe, expect, it } from 'vitest';
import { GATING_STRATEGY_VERSION, type GatingStrategy } from '../gating/types.ts';
import { renderCsv } from '../export/table.ts';
import { provenanceTable } from './provenance.ts';

const dimension = (name: string, compensation: string, transform: string | null = null) => ({ source: { kind: 'channel' as const, name }, compensation, transform });

const strategy: GatingStrategy = {
  version: GATING_STRATEGY_VERSION,
  transforms: { lgcl: { kind: 'logicle', T: 262144, W: 0.5, M: 4.5, A: 0 } },
  ratios: {},
  compensations: { ctrl: { fluorochromes: ['FITC-A', 'PE-A'], detectors: ['FITC-A', 'PE-A'], coefficients: [[1, 0.2], [0.01, 1]] } },
  gates: [
    { kind: 'polygon', id: 'cells', name: 'Cells', parentId: null, dimensions: [dimension('FSC-A', 'uncompensated'), dimension('SSC-A', 'uncompensated')], vertices: [[1, 2], [3, 4], [5, 0.123456789]] },
    { kind: 'quadrant', id: 'q', name: 'Annexin V × PI', parentId: 'cells', dividers: [{ id: 'annexin', dimension: dimension('FITC-A', 'ctrl', 'lgcl'), values: [1200] }, { id: 'pi', dimension: dimension('PE-A', 'FCS'), values: [300] }], quadrants: [] },
    { kind: 'rectangle', id: 'r', name: 'High', parentId: 'cells', bounds: [{ dimension: dimension('FSC-A', 'uncompensated'), min: 10, max: null }] },
  ],
};

describe('provenance', () => {
  it('lists every gate of every tube with its path, dimensions, coordinates and matrices, then the version and time', () => {
    const table = provenanceTable(
      [
        { tube: 'a.fcs', fileName: 'a.fcs', sha256: 'ab12', dataset: '1 of 2', assay: 'apoptosis', strategy, fileSpillover: { channels: ['FITC-A', 'PE-A'], matrix: [[1, 0.21], [0.02, 1]], source: '$SPILLOVER' } },
        { tube: 'b.fcs', fileName: 'b.fcs', sha256: 'cd34', dataset: '1 of 1', assay: null, strategy: null, fileSpillover: null },
      ],
      { version: '1.2.3', exportedAt: new Date(Date.UTC(2026, 11, 3, 10, 0, 0)) },
    );
    const lines = renderCsv(table).trim().split('\r\n');
    expect(lines[0]).toBe('File,SHA-256,Data set,Assay,Gate path,Gate type,Dimensions (compensation; transform),Coordinates,Compensation,FlowFate version,Exported at');
    expect(lines[1]).toBe('a.fcs,ab12,1 of 2,apoptosis,All events / Cells,polygon,FSC-A (uncompensated; data units) × SSC-A (uncompensated; data units),"(1, 2) (3, 4) (5, 0.12345679)",none,1.2.3,2026-12-03T10:00:00.000Z');
    expect(lines[2]).toBe(
      'a.fcs,ab12,1 of 2,apoptosis,All events / Cells / Annexin V × PI,quadrant,"FITC-A (matrix ctrl; logicle T=262144, W=0.5, M=4.5, A=0) × PE-A (file\'s spillover; data units)",' +
        "annexin at 1200; pi at 300,matrix ctrl: FITC-A→PE-A 0.2; PE-A→FITC-A 0.01 | file's $SPILLOVER: FITC-A→PE-A 0.21; PE-A→FITC-A 0.02,1.2.3,2026-12-03T10:00:00.000Z",
    );
    expect(lines[3]).toContain('All events / Cells / High,rectangle,FSC-A (uncompensated; data units),"[10, +∞)",none');
    expect(lines[4]).toBe('b.fcs,cd34,1 of 1,,,,,not gated,,1.2.3,2026-12-03T10:00:00.000Z');
  });
});
