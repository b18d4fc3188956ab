/**
 * The experiment's summary step in Node: 96 tubes (48 Annexin V/PI, 48 PI-DNA: 5 doses × 2 times × replicates of
 * the demo's response, with replicate spread) grouped by condition, mean ± SD of every percentage, the 4PL fits of
 * every percentage and time point, and the workbook's tables; then the workbook rendered as XLSX.
 */
import { emptyAnnotation } from '../src/analysis/sampleSheet.ts';
import { displayUnits, groupByCondition, type TubeResult } from '../src/experiment/conditions.ts';
import { doseResponseSeries } from '../src/experiment/doseResponseSeries.ts';
import { conditionSummaryTable, measuresPresent } from '../src/experiment/experimentTables.ts';
import { MEASURES, type MeasureKey, measureOf } from '../src/experiment/measures.ts';
import { renderXlsx } from '../src/export/xlsx.ts';
import { experimentSheets, experimentTables } from '../src/experiment/workbook.ts';
import { ixazomibLikeResponse } from '../src/simulate/drugResponse.ts';
import { DEMO_DOSES_NM, DEMO_TIMES_H } from '../src/simulate/experiment.ts';
import { time, type BenchSuite } from './harness.ts';

function plate(): TubeResult[] {
  const tubes: TubeResult[] = [];
  for (let replicate = 1; tubes.length < 96; replicate++) {
    for (const timeH of DEMO_TIMES_H) {
      for (const doseNm of DEMO_DOSES_NM) {
        const response = ixazomibLikeResponse(doseNm * (0.8 + 0.1 * (replicate % 5)), timeH);
        const annotation = { ...emptyAnnotation(), role: doseNm === 0 ? ('untreated' as const) : ('sample' as const), cellLine: 'MM1S', compound: 'Ixa', doseNm, timeH, replicate: String(replicate) };
        const a = response.apoptosis;
        tubes.push(
          { tube: `AnnV_${timeH}_${doseNm}_${replicate}`, annotation: { ...annotation, assay: 'apoptosis' }, values: { viable: 100 * a.viable, earlyApoptotic: 100 * a.earlyApoptotic, lateApoptotic: 100 * a.lateApoptotic, necrotic: 100 * a.necrotic, totalApoptotic: 100 * (a.earlyApoptotic + a.lateApoptotic) } },
          { tube: `DNA_${timeH}_${doseNm}_${replicate}`, annotation: { ...annotation, assay: 'cellCycle' }, values: { subG1: 100 * response.subG1Fraction, g0g1: 100 * response.phaseFractions.g0g1, s: 100 * response.phaseFractions.s, g2m: 100 * response.phaseFractions.g2m } },
        );
      }
    }
  }
  return tubes.slice(0, 96);
}

const suite: BenchSuite = async (report) => {
  const tubes = plate();
  const units = displayUnits(tubes.map((t) => t.annotation));
  const summary = () => {
    const groups = groupByCondition(tubes);
    const measures = measuresPresent(groups, MEASURES);
    conditionSummaryTable(groups, measures, units);
    return measures.flatMap((m) => doseResponseSeries(tubes, m.key, units));
  };
  report({ suite: 'experiment', name: '96 tubes: conditions, mean ± SD, 4PL fits of 9 percentages × 2 time points', ...(await time(summary, 15, 2)), note: 'the Experiment view\'s own work after the assays\' results' });
  // Each tube's reported percentages as its tidy rows (the real workbook adds a few gates per tube).
  const records = tubes.map((t) => ({
    ...t,
    assay: t.annotation.assay,
    populations: Object.entries(t.values).map(([key, percent]) => ({ population: measureOf(key as MeasureKey).population, parent: 'Singlets', count: Math.round(450 * percent), percentOfParent: percent, measure: key as MeasureKey })),
  }));
  const tables = experimentTables({ tubes: records, units, wide: { apoptosis: null, cellCycle: null }, provenance: [], stamp: { version: 'bench', exportedAt: new Date(0) } });
  report({ suite: 'experiment', name: '96 tubes: workbook (summary, EC50s, tidy rows of every percentage) rendered as XLSX', ...(await time(() => renderXlsx(experimentSheets(tables)), 15, 2)) });
};

export default suite;
