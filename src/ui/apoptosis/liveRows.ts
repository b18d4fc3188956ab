/**
 * The results table from the live counts: each analysed sample's row is rebuilt with apoptosisResultRow from the
 * counts the gating sync brings back for the gates now in the document, so every edit (a moved quadrant, a
 * reshaped Cells gate) shows at once, with the flags and warnings the CLI would give. Samples that could not be
 * analysed, or joined the assay after the run, get a row that says so.
 */
import { type GatingDocument, strategyForSample } from '../../analysis/gatingDocument.ts';
import { QUADRANT_GATE_ID, type ApoptosisRole } from '../../apoptosis/populations.ts';
import { thresholdOrigin } from '../../apoptosis/experiment.ts';
import { apoptosisResultRow, type ApoptosisResultRow } from '../../apoptosis/results.ts';
import type { TubeCondition } from '../../apoptosis/resultsTable.ts';
import { readQuadrantThresholds } from '../../apoptosis/strategy.ts';
import type { QuadrantThresholds } from '../../apoptosis/thresholds.ts';
import type { SampleGatingResult } from '../../state/resultsSlice.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import type { ApoptosisRun, SampleId } from '../../../workers/api.ts';
import { apoptosisRoleOf } from '../../apoptosis/sheetRoles.ts';
import { apoptosisEntries } from './setup.ts';

interface RowCommon {
  sampleId: SampleId;
  file: string;
  role: ApoptosisRole;
  condition: TubeCondition;
}

export type LiveRow =
  /**
   * `current`: the counts belong to the gates now in the document (false while the worker re-gates). `pending`: the
   * sample's quadrant was moved and the user has not said yet whether the move applies to it alone or to all.
   */
  | (RowCommon & { kind: 'result'; row: ApoptosisResultRow; current: boolean; pending: boolean })
  | (RowCommon & { kind: 'problem'; message: string });

export interface LiveRowsInput {
  run: ApoptosisRun;
  samples: readonly SampleEntry[];
  gating: GatingDocument;
  /** The last recorded gating (default: `gating`): a quadrant shown moved on one sample but not recorded is an open question. */
  committed?: GatingDocument;
  results: Readonly<Record<SampleId, SampleGatingResult>>;
}

/** The quadrant centre every sample uses unless it has its own; null when the quadrant gate is gone. */
export function sharedQuadrant(gating: GatingDocument): QuadrantThresholds | null {
  return gating.template.gates.some((g) => g.id === QUADRANT_GATE_ID) ? readQuadrantThresholds(gating.template) : null;
}

function conditionOf(entry: SampleEntry): TubeCondition {
  return { doseNm: entry.annotation?.doseNm ?? null, timeH: entry.annotation?.timeH ?? null };
}

export function liveRows({ run, samples, gating, committed = gating, results }: LiveRowsInput): LiveRow[] {
  const shared = sharedQuadrant(gating);
  const entryOf = new Map(samples.map((e) => [e.id, e]));
  const rows: LiveRow[] = [];
  for (const tube of run.analysis.tubes) {
    const sampleId = run.sampleIds[tube.name];
    const entry = entryOf.get(sampleId);
    if (!entry) continue;
    const common: RowCommon = { sampleId, file: tube.name, role: tube.role, condition: conditionOf(entry) };
    if (entry.annotation?.assay !== 'apoptosis') {
      rows.push({ ...common, kind: 'problem', message: 'No longer in the apoptosis assay.' });
      continue;
    }
    if (!shared) {
      rows.push({ ...common, kind: 'problem', message: 'The Annexin V × PI quadrant gate is no longer in the gating; run the analysis again (or redo).' });
      continue;
    }
    const pending = gating.overrides[sampleId]?.[QUADRANT_GATE_ID] !== committed.overrides[sampleId]?.[QUADRANT_GATE_ID];
    const result = results[sampleId];
    if (!result) {
      rows.push({ ...common, kind: 'result', row: tube.row, current: false, pending });
      continue;
    }
    const current = JSON.stringify(result.strategy) === JSON.stringify(strategyForSample(gating, sampleId, 'apoptosis'));
    try {
      const row = apoptosisResultRow({
        file: tube.name, role: tube.role, eventCount: tube.row.events, strategy: result.strategy, counts: result.counts,
        sharedThresholds: shared, thresholdOrigin: thresholdOrigin(run.analysis), compensation: tube.row.compensation, warnings: tube.warnings,
      });
      rows.push({ ...common, kind: 'result', row, current, pending });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      rows.push(current ? { ...common, kind: 'problem', message: `The apoptosis gates of this sample are incomplete (${error.message}); run the analysis again.` } : { ...common, kind: 'result', row: tube.row, current: false, pending });
    }
  }
  for (const excluded of run.excluded) {
    const entry = entryOf.get(excluded.sampleId);
    if (entry) rows.push({ sampleId: entry.id, file: excluded.name, role: apoptosisRoleOf(entry.annotation), condition: conditionOf(entry), kind: 'problem', message: excluded.message });
  }
  const analysed = new Set([...Object.values(run.sampleIds), ...run.excluded.map((e) => e.sampleId)]);
  for (const entry of apoptosisEntries(samples)) {
    if (analysed.has(entry.id)) continue;
    const message = entry.status.kind === 'error' ? `Could not be read: ${entry.status.error.message}` : 'Not in the last run; run the analysis again to include it.';
    rows.push({ sampleId: entry.id, file: entry.fileName, role: apoptosisRoleOf(entry.annotation), condition: conditionOf(entry), kind: 'problem', message });
  }
  return rows;
}
