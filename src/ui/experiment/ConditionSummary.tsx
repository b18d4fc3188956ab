import { useMemo } from 'react';
import type { Assay } from '../../analysis/sampleSheet.ts';
import { displayUnits, groupByCondition } from '../../experiment/conditions.ts';
import { conditionSummaryTable } from '../../experiment/experimentTables.ts';
import { MEASURES } from '../../experiment/measures.ts';
import { exportFileStem } from '../../export/fileNames.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { TableExport } from '../files/TableExport.tsx';
import { ResultsTable } from '../results/ResultsTable.tsx';
import type { ExperimentTube } from './experimentTubes.ts';

const ASSAY_NAMES: Record<Assay, string> = { apoptosis: 'Apoptosis', cellCycle: 'Cell cycle' };

/** An assay's results per condition: the replicates' mean, SD and n of each percentage, as the workbook has them. */
export function ConditionSummary({ assay, tubes }: { assay: Assay; tubes: readonly ExperimentTube[] }) {
  const store = useStoreApi();
  const experimentName = useAppStore((s) => s.experimentName);
  const { groups, table } = useMemo(() => {
    const grouped = groupByCondition(tubes);
    const units = displayUnits(tubes.map((t) => t.annotation));
    return { groups: grouped, table: conditionSummaryTable(grouped, MEASURES.filter((m) => m.assay === assay), units) };
  }, [tubes, assay]);
  const updating = tubes.some((t) => !t.current);
  const headingId = `${assay}-conditions-heading`;
  return (
    <section className="condition-summary" aria-labelledby={headingId}>
      <h3 id={headingId}>Per condition (mean ± SD of replicates)</h3>
      {groups.length === 0 ? (
        <p className="hint">Fill in the sample sheet (cell line, compound, concentration, time, replicate) to see the replicates of each condition together.</p>
      ) : (
        <>
          <TableExport
            table={() => table}
            fileStem={() => exportFileStem(experimentName, new Date(), `${ASSAY_NAMES[assay].toLowerCase()} by condition`)}
            sheetName={`${ASSAY_NAMES[assay]} by condition`}
            rowCount={groups.length}
            updating={updating}
            updatingText="Updating…"
            subject={`${ASSAY_NAMES[assay].toLowerCase()} by condition`}
          />
          <p className="muted">SD is the sample standard deviation (n − 1) of the replicate tubes; n counts the tubes with a result. Staining controls are left out.</p>
          <ResultsTable
            label={`${ASSAY_NAMES[assay]} by condition`}
            table={table}
            rowIds={groups.map((g) => g.condition.key)}
            updating={updating}
            onSelect={(key) => {
              const first = groups.find((g) => g.condition.key === key)?.tubes[0];
              if (first) store.getState().selectSample(first.sampleId);
            }}
          />
        </>
      )}
    </section>
  );
}
