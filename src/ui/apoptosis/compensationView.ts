/**
 * What the compensation step shows for each choice: the two spill coefficients that matter for Annexin V/PI
 * (Annexin V into the PI detector, PI into the Annexin V detector), where they come from, and whether every file
 * is covered, in plain words.
 */
import { CONTROLS_MATRIX_ID, fileCompensates, type FluorescenceChannels } from '../../apoptosis/compensation.ts';
import type { SpectrumMatrix } from '../../compensation/types.ts';
import type { SpilloverMatrix } from '../../fcs/types.ts';
import type { ApoptosisSetup } from '../../state/apoptosisSlice.ts';
import { readySummary, type SampleEntry } from '../../state/samplesSlice.ts';
import type { ApoptosisRun } from '../../../workers/api.ts';
import { apoptosisRoleOf } from '../../apoptosis/sheetRoles.ts';

export interface SpillPair {
  /** Fraction of the Annexin V signal read in the PI detector. */
  annexinIntoPi: number;
  piIntoAnnexin: number;
}

export type ShownMatrix =
  | { kind: 'matrix'; spill: SpillPair; source: string; status: string }
  | { kind: 'note'; status: string };

/** The coefficients of a file's spillover, or null when it does not cover both channels. */
export function spillOfFile(spillover: SpilloverMatrix | null, { annexin, pi }: FluorescenceChannels): SpillPair | null {
  const a = spillover?.channels.indexOf(annexin) ?? -1;
  const p = spillover?.channels.indexOf(pi) ?? -1;
  if (!spillover || a < 0 || p < 0) return null;
  return { annexinIntoPi: spillover.matrix[a][p], piIntoAnnexin: spillover.matrix[p][a] };
}

function spillOfMatrix(matrix: SpectrumMatrix, { annexin, pi }: FluorescenceChannels): SpillPair | null {
  const row = (dye: string) => matrix.fluorochromes.indexOf(dye);
  const column = (detector: string) => matrix.detectors.indexOf(detector);
  if ([row(annexin), row(pi), column(annexin), column(pi)].includes(-1)) return null;
  return { annexinIntoPi: matrix.coefficients[row(annexin)][column(pi)], piIntoAnnexin: matrix.coefficients[row(pi)][column(annexin)] };
}

function listFiles(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** The open files and those of them without a spillover matrix covering both channels. */
function coverage(entries: readonly SampleEntry[], fluorescence: FluorescenceChannels) {
  const datasets = entries.flatMap((e) => {
    const summary = readySummary(e);
    return summary ? [{ file: e.fileName, dataset: summary.datasets[summary.activeDataset] }] : [];
  });
  return { datasets, uncovered: datasets.filter((d) => !fileCompensates(d.dataset, fluorescence)).map((d) => d.file) };
}

function fileMatrix(entries: readonly SampleEntry[], fluorescence: FluorescenceChannels): ShownMatrix {
  const { datasets, uncovered } = coverage(entries, fluorescence);
  const first = datasets.find((d) => fileCompensates(d.dataset, fluorescence));
  const spill = first && spillOfFile(first.dataset.spillover, fluorescence);
  const channels = `${fluorescence.annexin} and ${fluorescence.pi}`;
  if (!first || !spill) return { kind: 'note', status: `None of the files carries a spillover matrix for ${channels}: they will be analysed uncompensated. Compute the matrix from the single-stain controls or type it in.` };
  const status = uncovered.length === 0
    ? `All ${datasets.length} files carry a spillover matrix for ${channels}; each file is compensated with its own.`
    : `${uncovered.length} of ${datasets.length} files have no spillover matrix for ${channels} and will be analysed uncompensated: ${listFiles(uncovered)}.`;
  return { kind: 'matrix', spill, source: `${first.file} (${first.dataset.spillover?.source ?? 'spillover'})`, status };
}

function controlsMatrix(entries: readonly SampleEntry[], fluorescence: FluorescenceChannels, run: ApoptosisRun | null): ShownMatrix {
  const computed = run?.analysis.compensation.ref === CONTROLS_MATRIX_ID ? run.analysis.compensation.matrix : null;
  const spill = computed && spillOfMatrix(computed.matrix, fluorescence);
  const single = (role: 'annexinOnly' | 'piOnly') => entries.find((e) => apoptosisRoleOf(e.annotation) === role)?.fileName;
  const annexinOnly = single('annexinOnly');
  const piOnly = single('piOnly');
  if (spill) return { kind: 'matrix', spill, source: 'the single-stain controls, at the last run', status: `Measured on ${annexinOnly ?? 'the Annexin V-only control'} and ${piOnly ?? 'the PI-only control'} (median spill of their positive cells, Bagwell–Adams).` };
  if (!annexinOnly || !piOnly) return { kind: 'note', status: 'Mark an Annexin V-only and a PI-only control above: the matrix is measured on them.' };
  return { kind: 'note', status: `Measured on ${annexinOnly} and ${piOnly} when you run the analysis.` };
}

/** The automatic choice (autoCompensation.ts): the files' matrices when all have one, else the single stains', else none. */
function automaticMatrix(entries: readonly SampleEntry[], fluorescence: FluorescenceChannels, run: ApoptosisRun | null): ShownMatrix {
  const { datasets, uncovered } = coverage(entries, fluorescence);
  if (datasets.length > 0 && uncovered.length === 0) return fileMatrix(entries, fluorescence);
  const measured = controlsMatrix(entries, fluorescence, run);
  if (measured.kind === 'matrix') return { ...measured, status: `The files have no spillover matrix, so it was measured on the single-stain controls: ${measured.status}` };
  const singleStains = entries.some((e) => apoptosisRoleOf(e.annotation) === 'annexinOnly') && entries.some((e) => apoptosisRoleOf(e.annotation) === 'piOnly');
  const channels = `${fluorescence.annexin} and ${fluorescence.pi}`;
  if (singleStains) {
    return { kind: 'note', status: `The files have no spillover matrix for ${channels}: it will be measured on the single-stain controls when you run the analysis (files compensated when acquired, as on a FACSCalibur, show no spill and stay as they are).` };
  }
  return { kind: 'note', status: `The files have no spillover matrix for ${channels} and there are no single-stain controls to measure one: they will be analysed as they are (fine for files compensated when acquired, as on a FACSCalibur).` };
}

export function shownMatrix(setup: ApoptosisSetup, entries: readonly SampleEntry[], fluorescence: FluorescenceChannels, run: ApoptosisRun | null): ShownMatrix {
  switch (setup.compensation) {
    case 'auto':
      return automaticMatrix(entries, fluorescence, run);
    case 'file':
      return fileMatrix(entries, fluorescence);
    case 'controls':
      return controlsMatrix(entries, fluorescence, run);
    case 'edited':
      return { kind: 'matrix', spill: setup.editedSpill, source: 'edited by you', status: 'Every file is compensated with this matrix.' };
    case 'none':
      return { kind: 'note', status: `No compensation: ${fluorescence.annexin} spills into ${fluorescence.pi} on 488-nm instruments, so Annexin V-positive cells may read falsely PI-positive (late apoptotic).` };
    default: {
      const unknown: never = setup.compensation;
      throw new Error(`unknown compensation mode ${String(unknown)}`);
    }
  }
}
