import { useId, useMemo, useRef } from 'react';
import type { DisplayUnits } from '../../experiment/conditions.ts';
import { doseResponseSeries, type DoseResponseSeries, type SeriesPoint } from '../../experiment/doseResponseSeries.ts';
import { ec50Table } from '../../experiment/experimentTables.ts';
import { MEASURES, type MeasureKey, measureOf } from '../../experiment/measures.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { FaultBoundary } from '../boundary/FaultBoundary.tsx';
import { FigureExport } from '../figure/FigureExport.tsx';
import { ResultsTable } from '../results/ResultsTable.tsx';
import { DoseResponseChart } from './DoseResponseChart.tsx';
import type { ExperimentTube } from './experimentTubes.ts';

/** Curves of one cell line, compound and condition label: one per time point. */
function byCulture(series: readonly DoseResponseSeries[]): { key: string; name: string; series: DoseResponseSeries[] }[] {
  const groups = new Map<string, { key: string; name: string; series: DoseResponseSeries[] }>();
  for (const s of series) {
    const key = JSON.stringify([s.cellLine, s.compound, s.label]);
    const name = [s.cellLine, s.compound || 'compound not recorded', s.label].filter((p) => p !== '').join(' · ');
    const group = groups.get(key) ?? { key, name, series: [] };
    group.series.push(s);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Dose-response of the chosen percentage: curves with replicate points, EC50s in a table, figures to export. */
export function DoseResponseSection({ tubes, units }: { tubes: readonly ExperimentTube[]; units: DisplayUnits }) {
  const store = useStoreApi();
  const measure = useAppStore((s) => s.doseResponseMeasure);
  const pickerId = useId();
  const { available, shown, series, cultures } = useMemo(() => {
    const present = MEASURES.filter((m) => tubes.some((t) => t.values[m.key] !== undefined));
    const key: MeasureKey = present.some((m) => m.key === measure) ? measure : (present[0]?.key ?? measure);
    const fitted = doseResponseSeries(tubes, key, units);
    return { available: present, shown: key, series: fitted, cultures: byCulture(fitted) };
  }, [tubes, measure, units]);
  const openTube = (point: SeriesPoint) => {
    const tube = tubes.find((t) => t.tube === point.tube && t.values[shown] !== undefined);
    if (!tube) return;
    store.getState().selectSample(tube.sampleId);
    store.getState().showView(tube.assay);
  };
  const column = measureOf(shown).column;
  return (
    <section aria-labelledby="dose-response-heading">
      <h3 id="dose-response-heading">Dose-response</h3>
      <div className="run-row">
        <label htmlFor={pickerId}>Percentage</label>
        <select id={pickerId} value={shown} onChange={(event) => store.getState().showDoseResponseOf(event.currentTarget.value as MeasureKey)}>
          {available.map((m) => (
            <option key={m.key} value={m.key}>
              {m.column}
            </option>
          ))}
        </select>
        <span className="muted">Four-parameter logistic fit to every replicate tube; dose 0 (untreated) is the curve&rsquo;s left plateau. Choose a point to open its tube.</span>
      </div>
      {cultures.length === 0 && <p className="hint">No tube has a concentration and this percentage: fill in the Sample sheet.</p>}
      <div className="dose-response-charts">
        {cultures.map((culture) => (
          <CultureChart key={culture.key} name={culture.name} series={culture.series} units={units} label={`${column} against concentration, ${culture.name}`} onPoint={openTube} />
        ))}
      </div>
      {series.length > 0 && (
        <ResultsTable
          label={`EC50 of ${column}`}
          table={ec50Table(series, units)}
          rowIds={series.map((s) => s.key)}
          updating={tubes.some((t) => !t.current)}
          onSelect={(key) => {
            const point = series.find((s) => s.key === key)?.points[0];
            if (point) openTube(point);
          }}
        />
      )}
    </section>
  );
}

interface CultureChartProps {
  name: string;
  series: DoseResponseSeries[];
  units: DisplayUnits;
  label: string;
  onPoint(point: SeriesPoint): void;
}

function CultureChart({ name, series, units, label, onPoint }: CultureChartProps) {
  const figure = useRef<HTMLElement>(null);
  return (
    <div className="plot-card">
      <h4>{name}</h4>
      <FigureExport figure={figure} label={label} subject="" />
      <FaultBoundary what={`The plot ${label}`} size="plot">
        <DoseResponseChart ref={figure} series={series} units={units} label={label} onPoint={onPoint} />
      </FaultBoundary>
    </div>
  );
}
