import { describe, expect, it } from 'vitest';
import { DEFAULT_APOPTOSIS_PARAMS, simulateApoptosisSample } from './apoptosisModel.ts';
import { DEFAULT_CELL_CYCLE_PARAMS, simulateCellCycleSample } from './cellCycleModel.ts';
import { describeTruth } from './truthSummary.ts';

describe('describeTruth', () => {
  it('states the apoptosis fractions of single cells and the excluded events', () => {
    // 20,000 events: 1,600 debris (8%), 800 doublets (4%), 17,600 single cells split 90/4.5/3.5/2 exactly.
    const { truth } = simulateApoptosisSample(DEFAULT_APOPTOSIS_PARAMS, 1);
    expect(describeTruth(truth)).toBe(
      'viable 90.0%, early apoptotic 4.5%, late apoptotic 3.5%, necrotic 2.0% of 17,600 single cells; 1,600 debris, 800 doublets',
    );
  });

  it('states the cell-cycle phases, sub-G1 and the G1 peak', () => {
    // 30,000 events: 1,800 debris (6%), 1,500 doublets (5%), 26,700 singles of which 801 sub-G1 (3%).
    const { truth } = simulateCellCycleSample(DEFAULT_CELL_CYCLE_PARAMS, 1);
    expect(describeTruth(truth)).toBe(
      'G0/G1 55.0%, S 30.0%, G2/M 15.0% of 25,899 cycling cells; sub-G1 3.0% of single cells; G1 mean 55000, CV 4.5%; 1,800 debris, 1,500 doublets',
    );
  });
});
