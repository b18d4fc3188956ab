import { conditionOf, type DisplayUnits } from '../../experiment/conditions.ts';
import { useAppStore } from '../../state/store.ts';
import { DoseSeriesPanel } from './DoseSeriesPanel.tsx';
import type { ExperimentTube } from './experimentTubes.ts';

/** One Annexin V × PI dose-series figure per cell line and compound, its untreated tubes first. */
export function DoseSeriesSection({ tubes, units }: { tubes: readonly ExperimentTube[]; units: DisplayUnits }) {
  const run = useAppStore((s) => s.apoptosisRun?.run ?? null);
  const apoptosis = tubes.filter((t) => t.assay === 'apoptosis' && conditionOf(t.annotation) !== null);
  const compounds = [...new Set(apoptosis.flatMap((t) => (t.annotation.doseNm !== 0 && t.annotation.role !== 'untreated' ? [JSON.stringify([t.annotation.cellLine, t.annotation.compound])] : [])))];
  if (!run || compounds.length === 0) return null;
  return (
    <section aria-labelledby="dose-series-heading">
      <h3 id="dose-series-heading">Annexin V × PI along the dose</h3>
      {compounds.map((key) => {
        const [cellLine, compound] = JSON.parse(key) as [string, string];
        const own = apoptosis.filter((t) => t.annotation.cellLine === cellLine && (t.annotation.compound === compound || t.annotation.doseNm === 0 || t.annotation.role === 'untreated'));
        const title = [cellLine, compound || 'compound not recorded'].filter((p) => p !== '').join(' · ');
        return <DoseSeriesPanel key={key} tubes={own} run={run} units={units} title={title} />;
      })}
    </section>
  );
}
