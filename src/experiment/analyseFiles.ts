/**
 * A whole experiment from its files and sample sheet, as `flowfate report` runs it: the Annexin V/PI tubes through
 * the guided pipeline (src/apoptosis), the PI-DNA tubes through the cell-cycle pipeline with the gates the app
 * suggests (singlet band, phase ranges), every tube's population counts, percentages, results rows and provenance.
 * The product defaults throughout, so the app's first run on the same files gives the same numbers.
 */
import type { SampleAnnotation } from '../analysis/sampleSheet.ts';
import { SampleSession } from '../analysis/sampleSession.ts';
import { setupMismatch, suggestApoptosisChannels } from '../apoptosis/channels.ts';
import { findScatterChannels, isScatterProblem } from '../channels/scatter.ts';
import { analyseApoptosisExperiment, type ApoptosisTube } from '../apoptosis/experiment.ts';
import { apoptosisResultsTable } from '../apoptosis/resultsTable.ts';
import { apoptosisRoleOf, inApoptosisAnalysis } from '../apoptosis/sheetRoles.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from '../apoptosis/thresholds.ts';
import { analyseDnaSample } from '../cellcycle/analyseDnaSample.ts';
import { cellCycleGateTree, PHASE_ORDER, PHASE_POPULATIONS, type Phase } from '../cellcycle/cellCycleGates.ts';
import { DNA_HISTOGRAM_BINS, dnaHistogramTop, suggestDnaChannels } from '../cellcycle/dnaChannels.ts';
import { DEFAULT_MODEL_OPTIONS } from '../cellcycle/modelOptions.ts';
import { suggestPhaseRanges } from '../cellcycle/phaseRanges.ts';
import { cellCycleResultsTable, type CellCycleResultRow } from '../cellcycle/resultsTable.ts';
import type { Table } from '../export/table.ts';
import type { FcsDataset } from '../fcs/types.ts';
import { GATING_STRATEGY_VERSION, type GatingStrategy } from '../gating/types.ts';
import { apoptosisMeasures, cellCycleMeasures } from './measures.ts';
import type { TubeProvenance } from './provenance.ts';
import { fitPopulations, gatePopulations, type TubeRecord } from './tidyTable.ts';

export interface ExperimentFile {
  /** The tube's name in every table (the file's name). */
  name: string;
  dataset: FcsDataset;
  /** "1 of 1". */
  datasetLabel: string;
  sha256: string;
  annotation: SampleAnnotation;
}

export interface AnalysedExperiment {
  tubes: TubeRecord[];
  wide: { apoptosis: Table | null; cellCycle: Table | null };
  provenance: TubeProvenance[];
  /** Why a tube or an assay could not be analysed, one sentence each. */
  problems: string[];
}

interface Part {
  tubes: TubeRecord[];
  wide: Table | null;
  strategies: Map<string, GatingStrategy>;
  problems: string[];
}

function analyseApoptosis(files: readonly ExperimentFile[]): Part {
  const part: Part = { tubes: [], wide: null, strategies: new Map(), problems: [] };
  const chosen = files.filter((f) => inApoptosisAnalysis(f.annotation));
  if (chosen.length === 0) return part;
  const suggestions = suggestApoptosisChannels(chosen[0].dataset.channels);
  const annexin = suggestions.annexin.suggested;
  const pi = suggestions.pi.suggested;
  if (annexin === null || pi === null) {
    part.problems.push(`Apoptosis: the Annexin V and PI channels of ${chosen[0].name} cannot be told from its channel names; no apoptosis tube was analysed.`);
    return part;
  }
  const fluorescence = { annexin, pi };
  const scatter = findScatterChannels(chosen[0].dataset.channels);
  if (isScatterProblem(scatter)) {
    part.problems.push(`Apoptosis: ${chosen[0].name}: ${scatter.problem}`);
    return part;
  }
  const reference = { name: chosen[0].name, fluorescence, scatter };
  const tubes: ApoptosisTube[] = [];
  for (const file of chosen) {
    const own = findScatterChannels(file.dataset.channels);
    const mismatch = isScatterProblem(own) ? `${file.name}: ${own.problem}` : setupMismatch({ name: file.name, fluorescence, scatter: own }, reference);
    if (mismatch) part.problems.push(mismatch);
    else tubes.push({ name: file.name, role: apoptosisRoleOf(file.annotation), session: new SampleSession(file.dataset) });
  }
  const analysis = analyseApoptosisExperiment(tubes, { fluorescence, scatter, compensation: { kind: 'file' }, percentile: DEFAULT_PERCENTILE, thresholdRule: DEFAULT_THRESHOLD_RULE });
  const annotations = new Map(chosen.map((f) => [f.name, f.annotation]));
  for (const tube of analysis.tubes) {
    const session = tubes.find((t) => t.name === tube.name)?.session;
    const annotation = annotations.get(tube.name);
    if (!session || !annotation) continue;
    part.strategies.set(tube.name, tube.strategy);
    part.tubes.push({ tube: tube.name, annotation, assay: 'apoptosis', values: apoptosisMeasures(tube.row), populations: gatePopulations(tube.strategy, session.applyStrategy(tube.strategy)) });
  }
  part.wide = apoptosisResultsTable(analysis.tubes.map((t) => t.row));
  return part;
}

function analyseCellCycle(files: readonly ExperimentFile[]): Part {
  const part: Part = { tubes: [], wide: null, strategies: new Map(), problems: [] };
  const rows: CellCycleResultRow[] = [];
  for (const file of files.filter((f) => f.annotation.assay === 'cellCycle')) {
    const names = suggestDnaChannels(file.dataset.channels);
    if (!names) {
      part.problems.push(`${file.name}: no channel stands out as the DNA content; it was not analysed.`);
      continue;
    }
    try {
      const session = new SampleSession(file.dataset);
      const dna = { channel: names.dna, compensation: 'uncompensated' as const };
      const pulse = names.pulse && { channel: names.pulse.channel, compensation: 'uncompensated' as const };
      const channel = file.dataset.channels.find((c) => c.name === names.dna);
      if (!channel) continue;
      const analysis = analyseDnaSample({
        dna: session.values(dna), pulse: pulse && names.pulse ? { values: session.values(pulse), kind: names.pulse.kind } : null, events: null,
        maxValue: dnaHistogramTop(channel), binCount: DNA_HISTOGRAM_BINS, options: DEFAULT_MODEL_OPTIONS,
      });
      const { tree } = cellCycleGateTree([{ sampleId: file.name, cells: null, band: analysis.singletGate, ranges: suggestPhaseRanges(analysis.fit) }], { dna, pulse, scatter: null });
      const strategy: GatingStrategy = { version: GATING_STRATEGY_VERSION, transforms: tree.transforms, ratios: {}, compensations: tree.compensations, gates: tree.gates };
      const counts = session.applyStrategy(strategy);
      const ranges = Object.fromEntries(PHASE_ORDER.map((phase) => [phase, counts.find((c) => c.id === PHASE_POPULATIONS[phase])?.percentOfParent ?? Number.NaN])) as Record<Phase, number>;
      part.strategies.set(file.name, strategy);
      part.tubes.push({
        tube: file.name, annotation: file.annotation, assay: 'cellCycle', values: cellCycleMeasures(analysis.fit, ranges),
        populations: [...gatePopulations(strategy, counts), ...fitPopulations(analysis.fit)],
      });
      rows.push({ file: file.name, fit: analysis.fit, flags: analysis.flags, offScale: analysis.offScale, rangeGatePercents: ranges });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      part.problems.push(`${file.name}: ${error.message}`);
    }
  }
  part.wide = rows.length > 0 ? cellCycleResultsTable(rows) : null;
  return part;
}

export function analyseExperimentFiles(files: readonly ExperimentFile[]): AnalysedExperiment {
  const apoptosis = analyseApoptosis(files);
  const cellCycle = analyseCellCycle(files);
  const strategies = new Map([...apoptosis.strategies, ...cellCycle.strategies]);
  return {
    tubes: [...apoptosis.tubes, ...cellCycle.tubes],
    wide: { apoptosis: apoptosis.wide, cellCycle: cellCycle.wide },
    provenance: files.map((f) => ({
      tube: f.name, fileName: f.name, sha256: f.sha256, dataset: f.datasetLabel, assay: f.annotation.assay, strategy: strategies.get(f.name) ?? null, fileSpillover: f.dataset.spillover,
    })),
    problems: [...apoptosis.problems, ...cellCycle.problems],
  };
}
