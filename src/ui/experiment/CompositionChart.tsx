import type { Ref } from 'react';
import type { Assay } from '../../analysis/sampleSheet.ts';
import { type ConditionGroup, conditionName, type DisplayUnits, summariseMeasure } from '../../experiment/conditions.ts';
import { COMPOSITION, type MeasureKey, measureOf } from '../../experiment/measures.ts';
import { textWidth } from '../../plots/textWidth.ts';

const COLOURS: Readonly<Record<string, string>> = {
  viable: '#4f9d69', earlyApoptotic: '#e0b23c', lateApoptotic: '#c0392b', necrotic: '#6c3483', g0g1: '#2f5fa7', s: '#5dade2', g2m: '#1b2631',
};
const PANEL_WIDTH = 260;
const ROW = 22;
const GAP = 24;
const LEGEND_TOP = 22;
const LEGEND_ROW = 14;
const SWATCH = 12;

const PANEL_TITLES: Readonly<Record<Assay, string>> = { apoptosis: 'Annexin V / PI, % of singlets', cellCycle: 'Cell cycle, % of cycling cells (fit)' };

/** Legend entries (the population without its gate description) left to right, wrapped to the panel's width. */
function legend(keys: readonly MeasureKey[]): { key: MeasureKey; name: string; x: number; y: number }[] {
  let x = 0;
  let y = 0;
  return keys.map((key) => {
    const name = measureOf(key).population.replace(/ \(.*\)$/, '');
    const width = SWATCH + textWidth(name, '10px');
    if (x > 0 && x + width > PANEL_WIDTH) {
      x = 0;
      y += LEGEND_ROW;
    }
    const entry = { key, name, x, y };
    x += width + 10;
    return entry;
  });
}

interface CompositionChartProps {
  groups: readonly ConditionGroup[];
  units: DisplayUnits;
  label: string;
  ref?: Ref<HTMLElement>;
}

/** Per condition, the mean apoptosis composition (stacked to 100 % of singlets) next to the cell-cycle composition. */
export function CompositionChart({ groups, units, label, ref }: CompositionChartProps) {
  const assays = (['apoptosis', 'cellCycle'] as const).filter((assay) => groups.some((g) => COMPOSITION[assay].some((key) => summariseMeasure(g, key).n > 0)));
  const names = groups.map((g) => conditionName(g.condition, units));
  // The condition names' column is as wide as the longest, so none is cut at the figure's left edge.
  const labelWidth = Math.max(0, ...names.map((name) => textWidth(name, '11px'))) + 12;
  const legends = new Map(assays.map((assay) => [assay, legend(COMPOSITION[assay])]));
  const top = LEGEND_TOP + Math.max(0, ...[...legends.values()].flat().map((entry) => entry.y)) + 22;
  const width = labelWidth + assays.length * (PANEL_WIDTH + GAP);
  const height = top + groups.length * ROW + 30;
  return (
    <figure ref={ref} className="plot composition" aria-label={label}>
      <svg width={width} height={height} role="group" aria-label={label}>
        {groups.map((g, r) => (
          <text key={g.condition.key} x={labelWidth - 8} y={top + r * ROW + 15} textAnchor="end" fontSize={11} fill="#1d2430">
            {names[r]}
          </text>
        ))}
        {assays.map((assay, p) => {
          const left = labelWidth + p * (PANEL_WIDTH + GAP);
          const keys = COMPOSITION[assay];
          return (
            <g key={assay}>
              <text x={left} y={12} fontSize={12} fontWeight={600} fill="#1d2430">
                {PANEL_TITLES[assay]}
              </text>
              {legends.get(assay)!.map(({ key, name, x, y }) => (
                <g key={key} transform={`translate(${left + x},${LEGEND_TOP + y})`}>
                  <rect width={9} height={9} fill={COLOURS[key]} />
                  <text x={12} y={8} fontSize={10} fill="#1d2430">
                    {name}
                  </text>
                </g>
              ))}
              {groups.map((g, r) => {
                let start = 0;
                return (
                  <g key={g.condition.key}>
                    {keys.map((key) => {
                      const { mean, sd, n } = summariseMeasure(g, key);
                      if (n === 0) return null;
                      const x = left + (start / 100) * PANEL_WIDTH;
                      start += mean;
                      return (
                        <rect key={key} x={x} y={top + r * ROW + 3} width={Math.max(0, (mean / 100) * PANEL_WIDTH)} height={ROW - 6} fill={COLOURS[key]}>
                          <title>{`${conditionName(g.condition, units)}: ${measureOf(key).column} ${mean.toFixed(1)} ± ${Number.isFinite(sd) ? sd.toFixed(1) : '–'} (n = ${n})`}</title>
                        </rect>
                      );
                    })}
                  </g>
                );
              })}
              {[0, 25, 50, 75, 100].map((tick) => (
                <text key={tick} x={left + (tick / 100) * PANEL_WIDTH} y={height - 12} textAnchor="middle" fontSize={10} fill="#1d2430">
                  {tick}
                </text>
              ))}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
