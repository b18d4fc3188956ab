import type { Ref } from 'react';
import type { Assay } from '../../analysis/sampleSheet.ts';
import { type ConditionGroup, conditionName, type DisplayUnits, summariseMeasure } from '../../experiment/conditions.ts';
import { COMPOSITION, type MeasureKey, measureOf } from '../../experiment/measures.ts';

const COLOURS: Readonly<Record<string, string>> = {
  viable: '#4f9d69', earlyApoptotic: '#e0b23c', lateApoptotic: '#c0392b', necrotic: '#6c3483', g0g1: '#2f5fa7', s: '#5dade2', g2m: '#1b2631',
};
const PANEL_WIDTH = 260;
const LABEL_WIDTH = 220;
const ROW = 22;
const TOP = 44;
const GAP = 24;

const PANEL_TITLES: Readonly<Record<Assay, string>> = { apoptosis: 'Annexin V / PI, % of singlets', cellCycle: 'Cell cycle, % of cycling cells (fit)' };

/** Legend entries side by side: the population without its gate description, spaced by its length. */
function legend(keys: readonly MeasureKey[]): { key: MeasureKey; name: string; x: number }[] {
  let x = 0;
  return keys.map((key) => {
    const name = measureOf(key).population.replace(/ \(.*\)$/, '');
    const entry = { key, name, x };
    x += 22 + name.length * 5.6;
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
  const width = LABEL_WIDTH + assays.length * (PANEL_WIDTH + GAP);
  const height = TOP + groups.length * ROW + 30;
  return (
    <figure ref={ref} className="plot composition" aria-label={label}>
      <svg width={width} height={height} role="group" aria-label={label}>
        {groups.map((g, r) => (
          <text key={g.condition.key} x={LABEL_WIDTH - 8} y={TOP + r * ROW + 15} textAnchor="end" fontSize={11} fill="#1d2430">
            {conditionName(g.condition, units)}
          </text>
        ))}
        {assays.map((assay, p) => {
          const left = LABEL_WIDTH + p * (PANEL_WIDTH + GAP);
          const keys = COMPOSITION[assay];
          return (
            <g key={assay}>
              <text x={left} y={12} fontSize={12} fontWeight={600} fill="#1d2430">
                {PANEL_TITLES[assay]}
              </text>
              {legend(keys).map(({ key, name, x }) => (
                <g key={key} transform={`translate(${left + x},22)`}>
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
                        <rect key={key} x={x} y={TOP + r * ROW + 3} width={Math.max(0, (mean / 100) * PANEL_WIDTH)} height={ROW - 6} fill={COLOURS[key]}>
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
