import { line, scaleLinear } from 'd3';
import { type KeyboardEvent, type Ref, useMemo } from 'react';
import { type DisplayUnits, timeIn } from '../../experiment/conditions.ts';
import type { DoseResponseSeries, SeriesPoint } from '../../experiment/doseResponseSeries.ts';
import { logisticValue } from '../../experiment/fourParameterLogistic.ts';
import { measureOf } from '../../experiment/measures.ts';
import { dodgeMarkers } from '../../plots/dodge.ts';
import { doseAxis } from './doseAxis.ts';

const SERIES_COLOURS = ['#2f5fa7', '#c0392b', '#2a9d8f', '#8e44ad', '#b9770e', '#566573'];

const WIDTH = 560;
const HEIGHT = 360;
const MARGIN = { left: 62, right: 16, top: 14, bottom: 54 };
const CURVE_POINTS = 160;
const POINT_RADIUS = 4;

const LEGEND_LINE = 15;

const rounded = (value: number) => String(Number(value.toPrecision(3)));
const timeText = (timeH: number | null, units: DisplayUnits) => (timeH === null ? 'time not recorded' : `${timeIn(timeH, units)} ${units.time}`);

interface DoseResponseChartProps {
  /** The curves of one cell line and compound, one per time point. */
  series: readonly DoseResponseSeries[];
  units: DisplayUnits;
  /** Accessible name of the figure, e.g. "Viable % of singlets against concentration, MM1S · Ixa". */
  label: string;
  onPoint(point: SeriesPoint): void;
  ref?: Ref<HTMLElement>;
}

/**
 * Replicate points and fitted four-parameter curves against log concentration, one colour per time point, dose 0
 * at the left beyond a break, and each EC50 marked; every point opens its tube.
 */
export function DoseResponseChart({ series, units, label, onPoint, ref }: DoseResponseChartProps) {
  const measure = measureOf(series[0].measure);
  const drawn = useMemo(() => {
    const all = series.flatMap((s) => s.points);
    const x = doseAxis(all.map((p) => p.concentration), [MARGIN.left, WIDTH - MARGIN.right]);
    const curves = series.map((s) => {
      if (!s.fit.curve) return null;
      const [lo, hi] = x.domain;
      return Array.from({ length: CURVE_POINTS }, (_, k) => {
        const c = lo * Math.pow(hi / lo, k / (CURVE_POINTS - 1));
        return [c, logisticValue(c, s.fit.curve!)] as const;
      });
    });
    const values = [...all.map((p) => p.response), ...curves.flatMap((c) => (c ?? []).map(([, v]) => v))];
    const y = scaleLinear()
      .domain([Math.min(0, ...values), Math.max(...values, 1)])
      .nice()
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    // Replicates that land on one another are set side by side, so each can be seen and opened.
    const offsets = dodgeMarkers(all.map((p) => ({ x: x.toPixel(p.concentration), y: y(p.response) })), POINT_RADIUS);
    const offsetOf = new Map(all.map((p, i) => [p, offsets[i]]));
    return { x, y, curves, offsetOf };
  }, [series]);
  const { x, y, curves, offsetOf } = drawn;
  const path = line<readonly [number, number]>()
    .x(([c]) => x.toPixel(c))
    .y(([, v]) => y(v));
  const bottom = HEIGHT - MARGIN.bottom;
  const height = HEIGHT + series.length * LEGEND_LINE;
  const open = (point: SeriesPoint) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPoint(point);
    }
  };
  return (
    <figure ref={ref} className="plot dose-response" aria-label={label}>
      <svg width={WIDTH} height={height} role="group" aria-label={`${label}: ${series.map((s) => `${timeText(s.timeH, units)}, EC50 ${s.fit.ec50 === null ? 'not defined' : `${rounded(s.fit.ec50)} ${units.dose}`}`).join('; ')}`}>
        <rect x={MARGIN.left} y={MARGIN.top} width={WIDTH - MARGIN.left - MARGIN.right} height={bottom - MARGIN.top} fill="#ffffff" stroke="#d9dee6" />
        {y.ticks(6).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left - 4} x2={MARGIN.left} y1={y(tick)} y2={y(tick)} stroke="#1d2430" />
            <text x={MARGIN.left - 7} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#1d2430">
              {tick}
            </text>
          </g>
        ))}
        {x.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={tick.pixel} x2={tick.pixel} y1={bottom} y2={bottom + 4} stroke="#1d2430" />
            <text x={tick.pixel} y={bottom + 16} textAnchor="middle" fontSize={11} fill="#1d2430">
              {tick.label}
            </text>
          </g>
        ))}
        {x.zeroPixel !== null && (
          <path d={`M${x.logStart - 14},${bottom + 5} l6,-10 M${x.logStart - 8},${bottom + 5} l6,-10`} stroke="#1d2430" fill="none" aria-hidden="true" />
        )}
        <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 12} textAnchor="middle" fontSize={12} fill="#1d2430">
          {`Concentration (${units.dose}, log scale)`}
        </text>
        <text transform={`translate(16,${(MARGIN.top + bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill="#1d2430">
          {measure.column}
        </text>
        {series.map((s, k) => {
          const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
          const curve = curves[k];
          const fit = s.fit;
          return (
            <g key={s.key} className="dose-series">
              {curve && <path d={path(curve) ?? ''} fill="none" stroke={colour} strokeWidth={2} />}
              {fit.curve && x.zeroPixel !== null && <line x1={x.zeroPixel - 8} x2={x.zeroPixel + 8} y1={y(logisticValue(0, fit.curve))} y2={y(logisticValue(0, fit.curve))} stroke={colour} strokeWidth={2} />}
              {fit.ec50 !== null && fit.curve && (
                <line x1={x.toPixel(fit.ec50)} x2={x.toPixel(fit.ec50)} y1={bottom} y2={y(logisticValue(fit.ec50, fit.curve))} stroke={colour} strokeDasharray="4 3" />
              )}
              {s.points.map((p) => (
                <circle
                  key={p.tube}
                  cx={x.toPixel(p.concentration) + (offsetOf.get(p) ?? 0)}
                  cy={y(p.response)}
                  r={POINT_RADIUS}
                  fill={colour}
                  fillOpacity={0.75}
                  stroke="#ffffff"
                  role="button"
                  tabIndex={0}
                  aria-label={`${p.tube}: ${rounded(p.response)} % at ${rounded(p.concentration)} ${units.dose}, open its plots`}
                  className="dose-point"
                  onClick={() => onPoint(p)}
                  onKeyDown={open(p)}
                >
                  <title>{`${p.tube}: ${rounded(p.response)} %`}</title>
                </circle>
              ))}
            </g>
          );
        })}
        <g transform={`translate(${MARGIN.left},${HEIGHT + 6})`}>
          {series.map((s, k) => (
            <text key={s.key} y={k * LEGEND_LINE} fontSize={11} fill={SERIES_COLOURS[k % SERIES_COLOURS.length]}>
              {`${timeText(s.timeH, units)}: EC50 ${s.fit.ec50 === null ? 'not defined' : `${rounded(s.fit.ec50)} ${units.dose} (95% CI ${rounded(s.fit.ec50Low ?? Number.NaN)}–${rounded(s.fit.ec50High ?? Number.NaN)})`}`}
            </text>
          ))}
        </g>
      </svg>
    </figure>
  );
}
