import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from '../analysis/sampleSheet.ts';
import { renderCsv } from '../export/table.ts';
import { groupByCondition, type TubeResult } from './conditions.ts';
import { conditionSummaryTable, measuresPresent } from './experimentTables.ts';
import { MEASURES } from './measures.ts';

const tube = (name: string, doseNm: number, values: TubeResult['values'], assay: 'apoptosis' | 'cellCycle' = 'apoptosis'): TubeResult => ({
  tube: name,
  annotation: { ...emptyAnnotation(), assay, role: doseNm === 0 ? 'untreated' : 'sample', cellLine: 'MM1S', compound: 'Ixa', doseNm, doseUnit: 'µM', timeH: 24 },
  values,
});

describe('condition summary', () => {
  it('gives each condition its mean, SD and n per measure, for both assays, under the per-tube column names', () => {
    const groups = groupByCondition([
      tube('a1', 0, { viable: 90 }), tube('a2', 0, { viable: 92 }),
      tube('b1', 500, { viable: 40 }), tube('b2', 500, { viable: 46 }), tube('b3', 500, { viable: 43 }),
      tube('c1', 500, { g2m: 30, g0g1: 50, s: 20, subG1: 4 }, 'cellCycle'),
    ]);
    const measures = measuresPresent(groups, MEASURES);
    expect(measures.map((m) => m.key)).toEqual(['viable', 'subG1', 'g0g1', 's', 'g2m']);
    const lines = renderCsv(conditionSummaryTable(groups, measures, { dose: 'µM', time: 'h' })).split('\r\n');
    expect(lines[0].split(',').slice(0, 9)).toEqual([
      'Condition', 'Cell line', 'Compound', 'Concentration (µM)', 'Time (h)', 'Tubes',
      'Viable (AnnV-/PI-) % of singlets mean', 'Viable (AnnV-/PI-) % of singlets SD', 'Viable (AnnV-/PI-) % of singlets n',
    ]);
    expect(lines[1].split(',').slice(0, 9)).toEqual(['MM1S · untreated · 24 h', 'MM1S', '', '0', '24', '2', '91.000', '1.414', '2']);
    expect(lines[2].split(',').slice(0, 12)).toEqual(['MM1S · Ixa 0.5 µM · 24 h', 'MM1S', 'Ixa', '0.5', '24', '4', '43.000', '3.000', '3', '4.000', '', '1']);
  });
});
