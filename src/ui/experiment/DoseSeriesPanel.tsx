import { useMemo, useRef, useState } from 'react';
import { lineageKey } from '../../analysis/gatingDocument.ts';
import type { ChannelRef } from '../../analysis/sampleSession.ts';
import { SINGLETS_ID } from '../../apoptosis/populations.ts';
import { readQuadrantThresholds } from '../../apoptosis/strategy.ts';
import { compareConditions, conditionOf, type DisplayUnits, doseIn, timeIn } from '../../experiment/conditions.ts';
import { DensityPlot, type PlotScales } from '../../plots/DensityPlot.tsx';
import { useAppStore } from '../../state/store.ts';
import type { ApoptosisRun } from '../../../workers/api.ts';
import { useAxisTitle } from '../axisTitle.ts';
import { useAxis } from '../explore/useAxis.ts';
import { figureGridSvg, type FigureGridRow } from '../figure/exportFigure.ts';
import { FigureExport } from '../figure/FigureExport.tsx';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import type { ExperimentTube } from './experimentTubes.ts';

const THUMB_WIDTH = 230;
const THUMB_HEIGHT = 220;
const BINS = 128;

interface Cell {
  key: string;
  sampleId: string;
  caption: string;
}

/** The chosen replicate's tubes of one cell line and compound: a row per time point, a column per concentration. */
function seriesRows(tubes: readonly ExperimentTube[], replicate: string, units: DisplayUnits): { label: string; cells: Cell[] }[] {
  const chosen = tubes.flatMap((tube) => {
    const condition = conditionOf(tube.annotation);
    return condition && (replicate === '' || tube.annotation.replicate === replicate) ? [{ tube, condition }] : [];
  });
  const times = [...new Set(chosen.map((c) => c.condition.timeH))].toSorted((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return times.map((timeH) => ({
    label: timeH === null ? '–' : `${timeIn(timeH, units)} ${units.time}`,
    cells: chosen
      .filter((c) => c.condition.timeH === timeH)
      .toSorted((a, b) => compareConditions(a.condition, b.condition))
      .map(({ tube, condition }) => ({ key: tube.sampleId, sampleId: tube.sampleId, caption: condition.doseNm === 0 ? 'untreated' : `${doseIn(condition.doseNm, units)} ${units.dose}` })),
  }));
}

interface DoseSeriesPanelProps {
  /** Apoptosis tubes of one cell line and compound (untreated included). */
  tubes: readonly ExperimentTube[];
  run: ApoptosisRun;
  units: DisplayUnits;
  /** "MM1S · ixazomib". */
  title: string;
}

/** The Annexin V × PI plot of each concentration in one row per time point, as one figure (one replicate's tubes). */
export function DoseSeriesPanel({ tubes, run, units, title }: DoseSeriesPanelProps) {
  const replicates = [...new Set(tubes.map((t) => t.annotation.replicate))].toSorted((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const [replicate, setReplicate] = useState(replicates[0] ?? '');
  const rows = useMemo(() => seriesRows(tubes, replicate, units), [tubes, replicate, units]);
  const figures = useRef(new Map<string, HTMLElement>());
  const label = `Annexin V × PI dose series of ${title}, replicate ${replicate || '–'}`;
  const compensation = run.analysis.compensation.ref;
  const svg = (figureTitle: string) =>
    figureGridSvg(
      figureTitle,
      rows.map((row): FigureGridRow => ({
        label: row.label,
        cells: row.cells.flatMap((cell) => {
          const figure = figures.current.get(cell.key);
          return figure ? [{ caption: cell.caption, figure }] : [];
        }),
      })),
    );
  return (
    <section className="dose-series" aria-label={`Dose series of ${title}`}>
      <div className="run-row">
        <label className="inline-field">
          Replicate shown
          <select value={replicate} onChange={(event) => setReplicate(event.currentTarget.value)}>
            {replicates.map((r) => (
              <option key={r} value={r}>
                {r || 'not recorded'}
              </option>
            ))}
          </select>
        </label>
        <FigureExport svg={svg} label={label} subject="" />
      </div>
      {rows.map((row) => (
        <div key={row.label} className="dose-series-row">
          <span className="dose-series-time">{row.label}</span>
          {row.cells.map((cell) => (
            <QuadrantThumb
              key={cell.key}
              sampleId={cell.sampleId}
              caption={cell.caption}
              x={{ channel: run.fluorescence.annexin, compensation }}
              y={{ channel: run.fluorescence.pi, compensation }}
              register={(element) => {
                if (element) figures.current.set(cell.key, element);
                else figures.current.delete(cell.key);
              }}
            />
          ))}
        </div>
      ))}
    </section>
  );
}

interface QuadrantThumbProps {
  sampleId: string;
  caption: string;
  x: ChannelRef;
  y: ChannelRef;
  register(element: HTMLElement | null): void;
}

/** One tube's singlets on Annexin V × PI with its quadrant, read-only. */
function QuadrantThumb({ sampleId, caption, x, y, register }: QuadrantThumbProps) {
  const result = useAppStore((s) => s.gatingResults[sampleId]);
  const axisTitleOf = useAxisTitle(sampleId);
  const ready = result !== undefined && result.counts.some((c) => c.id === SINGLETS_ID);
  const xAxis = useAxis(sampleId, ready ? x.channel : null, x.compensation);
  const yAxis = useAxis(sampleId, ready ? y.channel : null, y.compensation);
  const lineage = result ? lineageKey(result.strategy, SINGLETS_ID) : '';
  const density = useWorkerQuery(ready && xAxis && yAxis ? JSON.stringify(['dose-series', sampleId, lineage, xAxis, yAxis]) : null, (worker) =>
    worker.density({ sampleId, population: SINGLETS_ID, x: xAxis!, y: yAxis!, bins: BINS }),
  );
  const thresholds = useMemo(() => {
    try {
      return result ? readQuadrantThresholds(result.strategy) : null;
    } catch {
      return null;
    }
  }, [result]);
  const overlay = (scales: PlotScales) =>
    thresholds && (
      <g className="quadrant-lines" aria-hidden="true">
        <line x1={scales.x.toPixel(thresholds.annexin)} x2={scales.x.toPixel(thresholds.annexin)} y1={scales.y.range[0]} y2={scales.y.range[1]} stroke="#1d2430" strokeWidth={1.2} />
        <line x1={scales.x.range[0]} x2={scales.x.range[1]} y1={scales.y.toPixel(thresholds.pi)} y2={scales.y.toPixel(thresholds.pi)} stroke="#1d2430" strokeWidth={1.2} />
      </g>
    );
  return (
    <div className="dose-series-cell">
      <span className="dose-series-caption">{caption}</span>
      {xAxis && yAxis ? (
        <DensityPlot
          ref={register}
          label={`Annexin V × PI of singlets, ${caption}`}
          grid={density.data}
          x={xAxis}
          y={yAxis}
          xLabel={axisTitleOf(xAxis)}
          yLabel={axisTitleOf(yAxis)}
          width={THUMB_WIDTH}
          height={THUMB_HEIGHT}
          overlay={overlay}
        />
      ) : (
        <p className="hint">Gating…</p>
      )}
    </div>
  );
}
