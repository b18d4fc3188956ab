import { describe, expect, it } from 'vitest';
import { emptyAnnotation, type SampleAnnotation } from '../analysis/sampleSheet.ts';
import type { TubeResult } from './conditions.ts';
import { doseResponseSeries } from './doseResponseSeries.ts';
import { ec50Table } from './experimentTables.ts';
import { logisticValue } from './fourParameterLogistic.ts';
import { renderCsv } from '../export/table.ts';

const curve = (timeH: number) => ({ bottom: 10, top: 90, logEc50: Math.log10(timeH === 24 ? 40 : 15), hill: -1.4 });

function experiment(): TubeResult[] {
  const tubes: TubeResult[] = [];
  for (const timeH of [24, 48]) {
    for (const doseNm of [0, 3, 10, 30, 100, 300]) {
      for (const [r, offset] of [[1, -2], [2, 0], [3, 2]] as const) {
        const annotation: SampleAnnotation = {
          ...emptyAnnotation(), assay: 'apoptosis', role: doseNm === 0 ? 'untreated' : 'sample', cellLine: 'MM1S',
          compound: doseNm === 0 ? '' : 'Ixa', doseNm, doseUnit: 'nM', timeH, replicate: String(r),
        };
        tubes.push({ tube: `${timeH}h_${doseNm}nM_R${r}`, annotation, values: { viable: logisticValue(doseNm, curve(timeH)) + offset } });
      }
    }
  }
  tubes.push({ tube: 'PI-only', annotation: { ...emptyAnnotation(), role: 'piOnly', doseNm: 0, timeH: 24 }, values: { viable: 5 } });
  return tubes;
}

describe('dose-response series', () => {
  it('fits one curve per compound and time through every replicate, untreated tubes as dose 0', () => {
    const series = doseResponseSeries(experiment(), 'viable', { dose: 'nM', time: 'h' });
    expect(series.map((s) => [s.compound, s.timeH, s.points.length])).toEqual([['Ixa', 24, 18], ['Ixa', 48, 18]]);
    expect(series[0].points.filter((p) => p.concentration === 0).map((p) => p.tube)).toEqual(['24h_0nM_R1', '24h_0nM_R2', '24h_0nM_R3']);
    expect(series[0].fit.ec50).toBeCloseTo(40, 6);
    expect(series[1].fit.ec50).toBeCloseTo(15, 6);
    expect(series[1].fit.curve?.hill).toBeCloseTo(-1.4, 6);
  });

  it('reports EC50s in the display unit, in a table with the warnings', () => {
    const series = doseResponseSeries(experiment(), 'viable', { dose: 'µM', time: 'h' });
    expect(series[0].fit.ec50).toBeCloseTo(0.04, 8);
    const [header, first] = renderCsv(ec50Table(series, { dose: 'µM', time: 'h' })).split('\r\n');
    expect(header).toBe('Measure,Cell line,Compound,Time (h),Condition label,Tubes,Concentrations,EC50 (µM),EC50 95% CI low (µM),EC50 95% CI high (µM),Hill slope,Bottom,Top,Warnings');
    expect(first.startsWith('Viable (AnnV-/PI-) % of singlets,MM1S,Ixa,24,,18,6,0.04,')).toBe(true);
  });

  it('has no curve for a measure no tube has, and no point for a tube without a dose', () => {
    const tubes = experiment();
    expect(doseResponseSeries(tubes, 'g2m', { dose: 'nM', time: 'h' })).toEqual([]);
    tubes[5].annotation = { ...tubes[5].annotation, doseNm: null };
    expect(doseResponseSeries(tubes, 'viable', { dose: 'nM', time: 'h' })[0].points).toHaveLength(17);
  });
});
