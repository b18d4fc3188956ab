import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SampleSession } from '../../analysis/sampleSession.ts';
import { inferAnnotation } from '../../analysis/sampleSheetNames.ts';
import { setupMismatch, suggestApoptosisChannels } from '../../apoptosis/channels.ts';
import type { CompensationChoice, FluorescenceChannels } from '../../apoptosis/compensation.ts';
import { analyseApoptosisExperiment, ApoptosisAnalysisError, type ApoptosisAnalysis, type ApoptosisTube } from '../../apoptosis/experiment.ts';
import type { ApoptosisRole, ControlRole } from '../../apoptosis/populations.ts';
import { apoptosisResultsTable } from '../../apoptosis/resultsTable.ts';
import { checkPercentile, DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE, type QuadrantThresholds } from '../../apoptosis/thresholds.ts';
import { describeChannel } from '../../channels/dyes.ts';
import { findScatterChannels, isScatterProblem, type ScatterChannels } from '../../channels/scatter.ts';
import { findChannel, noChannelMessage } from '../../channels/suggest.ts';
import type { FcsDataset } from '../../fcs/types.ts';
import type { CliIo, Command } from '../command.ts';
import { type FileFailure, isFileFailure, readDefaultDataset, writeCsvFile } from '../files.ts';
import { withSampleSheet } from '../sampleSheetFile.ts';
import { formatWarning, jsonEntry, textTable } from './apoptosisOutput.ts';

const USAGE = `Usage: flowfate apoptosis FILE... [--annexin CH] [--pi CH] [--unstained FILE] [--annexin-only FILE]
                          [--pi-only FILE] [--untreated FILE]... [--annexin-threshold V] [--pi-threshold V]
                          [--percentile P] [--compensation auto|file|controls|none]
                          [--json | --out FILE.csv [--sheet SHEET.csv]]

Annexin V/PI apoptosis analysis, the same pipeline as the app: automatic Cells (FSC x SSC: areas,
heights or Beckman FS/SS) and Singlets (FSC-A x FSC-H or FSC-W, when the files have a pulse pair)
gates per file, compensation, and a quadrant shared by all files. Each threshold is, in order: the
value typed with --annexin-threshold / --pi-threshold; a percentile of the negative control (Annexin V
axis from the PI-only control, PI axis from the Annexin V-only control), raised to the upper edge of
the untreated tubes' viable population where that is higher (without untreated tubes, to the edge of
the cells of the axis's own single stain negative for its dye); that edge alone; the percentile of the
unstained control. Reports viable, early apoptotic, late apoptotic, necrotic and total apoptotic
(early + late) as % of singlets (of cells without a singlet gate), and where each threshold came from.

  --annexin CH           Annexin V channel, by $PnN or $PnS (case-insensitive), e.g. FITC-A or "Annexin V";
                         found from the stain names when not given
  --pi CH                PI (or other viability dye) channel, likewise
  --unstained FILE       unstained control
  --annexin-only FILE    Annexin V-only control
  --pi-only FILE         PI-only control
  --untreated FILE       untreated (dose 0) double-stained tube; may be given several times. Without it,
                         files whose name says dose 0 (000nM) or untreated, vehicle, DMSO are taken
  --annexin-threshold V  Annexin V threshold for every file, in compensated data units
  --pi-threshold V       PI threshold for every file, in compensated data units
  --percentile P         percentile of the negative controls for the quadrant centre, 50 to <100 (default ${DEFAULT_PERCENTILE})
  --compensation C       auto (default): each file's own $SPILLOVER when every file has one, else computed
                         from the two single-stain controls; file: each file's own $SPILLOVER; controls:
                         computed from the two single-stain controls; none: uncompensated
  --json                 print one JSON entry per FILE
  --out FILE.csv         write the results table as CSV, with the sample-sheet columns (cell line, compound,
                         concentration, time, replicate) read from file names and keywords
  --sheet SHEET.csv      with --out: take those columns from this sample sheet (the app's export, or any
                         table with a File column), for the files it lists
Warnings go to stderr. Exit status: 0 when every file was analysed, 1 when any file could not be
read, gated or compensated (the others are still analysed) or no quadrant could be placed, 2 on bad usage.`;

interface ApoptosisArgs {
  samples: string[];
  controls: Partial<Record<ControlRole, string>>;
  untreated: string[];
  annexin: string | null;
  pi: string | null;
  thresholds: Partial<QuadrantThresholds>;
  percentile: number;
  compensation: CompensationChoice;
  output: { kind: 'text' } | { kind: 'json' } | { kind: 'csv'; path: string; sheet: string | undefined };
}

class UsageError extends Error {}
/** The channels could not be chosen from the stain names: the message lists the candidates, the usage would bury it. */
class ChannelChoiceError extends UsageError {}

const COMPENSATION_CHOICES: Record<string, CompensationChoice> = { auto: { kind: 'auto' }, file: { kind: 'file' }, controls: { kind: 'controls' }, none: { kind: 'none' } };

function thresholdArg(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} needs a number (compensated data units), got "${text}"`);
  return value;
}

function parseApoptosisArgs(args: string[]): ApoptosisArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      annexin: { type: 'string' }, pi: { type: 'string' }, unstained: { type: 'string' }, 'annexin-only': { type: 'string' },
      'pi-only': { type: 'string' }, untreated: { type: 'string', multiple: true }, 'annexin-threshold': { type: 'string' },
      'pi-threshold': { type: 'string' }, percentile: { type: 'string' }, compensation: { type: 'string' }, json: { type: 'boolean' },
      out: { type: 'string' }, sheet: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('no FCS file given');
  if (values.json && values.out !== undefined) throw new UsageError('give either --json or --out, not both');
  if (values.sheet !== undefined && values.out === undefined) throw new UsageError('--sheet goes with --out (the CSV it fills in)');
  const percentile = values.percentile === undefined ? DEFAULT_PERCENTILE : Number(values.percentile);
  if (values.percentile?.trim() === '') throw new UsageError('--percentile needs a number');
  checkPercentile(percentile);
  const compensation = COMPENSATION_CHOICES[values.compensation ?? 'auto'];
  if (!compensation) throw new UsageError(`--compensation must be auto, file, controls or none, got "${values.compensation}"`);
  const controls: Partial<Record<ControlRole, string>> = {};
  if (values.unstained !== undefined) controls.unstained = values.unstained;
  if (values['annexin-only'] !== undefined) controls.annexinOnly = values['annexin-only'];
  if (values['pi-only'] !== undefined) controls.piOnly = values['pi-only'];
  const thresholds: Partial<QuadrantThresholds> = {};
  const annexinThreshold = thresholdArg(values['annexin-threshold'], '--annexin-threshold');
  const piThreshold = thresholdArg(values['pi-threshold'], '--pi-threshold');
  if (annexinThreshold !== undefined) thresholds.annexin = annexinThreshold;
  if (piThreshold !== undefined) thresholds.pi = piThreshold;
  const output = values.json ? { kind: 'json' as const } : values.out !== undefined ? { kind: 'csv' as const, path: values.out, sheet: values.sheet } : { kind: 'text' as const };
  return {
    samples: positionals, controls, untreated: values.untreated ?? [], annexin: values.annexin ?? null, pi: values.pi ?? null, thresholds, percentile,
    compensation, output,
  };
}

/** Files the sample sheet would call untreated from their names alone ("…_000nM", "untreated", "vehicle", "DMSO"…). */
function namedUntreated(paths: readonly string[]): string[] {
  return paths.filter((path) => inferAnnotation(basename(path), []).role === 'untreated');
}

/** Each file's role; a path given both as a control or untreated tube and as a FILE is one tube. */
function rolesOf(args: ApoptosisArgs, io: CliIo): Map<string, ApoptosisRole> {
  const roles = new Map<string, ApoptosisRole>();
  for (const role of ['unstained', 'annexinOnly', 'piOnly'] as const) {
    const path = args.controls[role];
    if (path === undefined) continue;
    if (roles.has(path)) throw new UsageError(`"${path}" is given as two different controls`);
    roles.set(path, role);
  }
  let untreated = args.untreated;
  if (untreated.length === 0) {
    // As the app's sample sheet does: a tube whose name says dose 0 is the untreated one.
    untreated = namedUntreated(args.samples.filter((path) => !roles.has(path)));
    if (untreated.length > 0) io.err(`note: ${untreated.map((p) => `"${p}"`).join(', ')} ${untreated.length === 1 ? 'is' : 'are'} taken as untreated (dose 0 or "untreated" in the name); give --untreated to choose.`);
  }
  for (const path of untreated) {
    if (roles.has(path)) throw new UsageError(`"${path}" is given both as a control and as an untreated tube`);
    roles.set(path, 'untreated');
  }
  for (const path of args.samples) if (!roles.has(path)) roles.set(path, 'sample');
  return roles;
}

interface LoadedFile {
  dataset: FcsDataset;
  fluorescence: FluorescenceChannels;
  scatter: ScatterChannels;
}

/** The channel for a role: the one the user named, else the one the stain names suggest; a failure says why. */
function channelFor(dataset: FcsDataset, query: string | null, suggested: string | null, flag: string): string | FileFailure['error'] {
  const list = dataset.channels.map(describeChannel).join(', ');
  if (query === null) {
    if (suggested !== null && dataset.channels.some((c) => c.name === suggested)) return suggested;
    return { code: 'MISSING_CHANNEL', message: `no channel ${suggested === null ? 'could be chosen' : `"${suggested}"`} for ${flag}; its channels are ${list}` };
  }
  try {
    return findChannel(dataset.channels, query) ?? { code: 'MISSING_CHANNEL', message: `no channel named "${query}" (${flag}) by $PnN or $PnS; its channels are ${list}` };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { code: 'AMBIGUOUS_CHANNEL', message: error.message };
  }
}

async function loadFile(path: string, args: ApoptosisArgs, suggested: { annexin: string | null; pi: string | null }): Promise<LoadedFile | FileFailure> {
  const dataset = await readDefaultDataset(path);
  if (isFileFailure(dataset)) return dataset;
  const failure = (error: FileFailure['error']): FileFailure => ({ file: path, error: { code: error.code, message: `"${path}": ${error.message}.` } });
  const annexin = channelFor(dataset, args.annexin, suggested.annexin, '--annexin');
  if (typeof annexin !== 'string') return failure(annexin);
  const pi = channelFor(dataset, args.pi, suggested.pi, '--pi');
  if (typeof pi !== 'string') return failure(pi);
  const scatter = findScatterChannels(dataset.channels);
  if (isScatterProblem(scatter)) return failure({ code: 'MISSING_CHANNEL', message: scatter.problem });
  return { dataset, fluorescence: { annexin, pi }, scatter };
}

/**
 * The channels the stain names point to in the first readable file, for flags not given (said in a note on stderr);
 * a usage error listing the candidates when unclear.
 */
async function suggestedChannels(paths: readonly string[], args: ApoptosisArgs, io: CliIo): Promise<{ annexin: string | null; pi: string | null }> {
  if (args.annexin !== null && args.pi !== null) return { annexin: null, pi: null };
  for (const path of paths) {
    const dataset = await readDefaultDataset(path);
    if (isFileFailure(dataset)) continue;
    const suggestions = suggestApoptosisChannels(dataset.channels);
    const roles = [
      { flag: '--annexin', given: args.annexin, role: 'Annexin V', suggestion: suggestions.annexin },
      { flag: '--pi', given: args.pi, role: 'PI (or another viability dye)', suggestion: suggestions.pi },
    ];
    for (const { flag, given, role, suggestion } of roles) {
      if (given !== null) continue;
      if (suggestion.suggested === null) throw new ChannelChoiceError(noChannelMessage(dataset.channels, suggestion, role, `give it with ${flag}`));
      io.err(`note: ${role} is read on ${describeChannel(suggestion.candidates[0])} (${suggestion.candidates[0].reason}); give ${flag} to choose.`);
    }
    return { annexin: suggestions.annexin.suggested, pi: suggestions.pi.suggested };
  }
  return { annexin: null, pi: null };
}

/** Opens every file once; unusable files become failures. */
async function openTubes(args: ApoptosisArgs, roles: Map<string, ApoptosisRole>, io: CliIo): Promise<{ tubes: ApoptosisTube[]; failures: FileFailure[]; first: LoadedFile | null }> {
  const suggested = await suggestedChannels([...roles.keys()], args, io);
  const tubes: ApoptosisTube[] = [];
  const failures: FileFailure[] = [];
  let reference: (LoadedFile & { name: string }) | null = null;
  for (const [path, role] of roles) {
    const result = await loadFile(path, args, suggested);
    if (isFileFailure(result)) {
      failures.push(result);
      continue;
    }
    reference ??= { ...result, name: path };
    const mismatch = setupMismatch({ ...result, name: path }, reference);
    if (mismatch) failures.push({ file: path, error: { code: 'CHANNEL_MISMATCH', message: mismatch } });
    else tubes.push({ name: path, role, session: new SampleSession(result.dataset) });
  }
  return { tubes, failures, first: reference };
}

async function writeOutput(args: ApoptosisArgs, opened: readonly ApoptosisTube[], analysis: ApoptosisAnalysis, failures: readonly FileFailure[], io: CliIo): Promise<boolean> {
  const rowOf = new Map(analysis.tubes.map((t) => [t.name, t.row]));
  const untreatedFirst = [...analysis.tubes.filter((t) => t.role === 'untreated' && !args.samples.includes(t.name)).map((t) => t.name), ...args.samples];
  const rows = untreatedFirst.flatMap((path) => rowOf.get(path) ?? []);
  switch (args.output.kind) {
    case 'json': {
      const failureOf = new Map(failures.map((f) => [f.file, f]));
      io.out(JSON.stringify(untreatedFirst.flatMap((path): (ReturnType<typeof jsonEntry> | FileFailure)[] => {
        const row = rowOf.get(path);
        const failure = failureOf.get(path);
        return row ? [jsonEntry(row)] : failure ? [failure] : [];
      }), null, 2));
      return true;
    }
    case 'csv': {
      const tubes = opened.map((t) => ({ path: t.name, dataset: t.session.dataset, assay: 'apoptosis' as const, role: t.role }));
      const table = await withSampleSheet(apoptosisResultsTable(rows), tubes, args.output.sheet, io, 'flowfate apoptosis');
      if (!table || !(await writeCsvFile(args.output.path, table, 'apoptosis', io))) return false;
      io.out(`Wrote ${rows.length} rows to ${args.output.path}.`);
      return true;
    }
    case 'text':
      io.out(textTable(rows, analysis));
      return true;
  }
}

export const apoptosisCommand: Command = {
  name: 'apoptosis',
  summary: 'Annexin V/PI analysis: viable, early/late apoptotic, necrotic and total apoptotic % of singlets',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let options: ApoptosisArgs;
    let opened: Awaited<ReturnType<typeof openTubes>>;
    try {
      options = parseApoptosisArgs(args);
      opened = await openTubes(options, rolesOf(options, io), io);
    } catch (error) {
      // parseArgs reports unknown or malformed flags as TypeErrors; checkPercentile reports bad values as RangeErrors.
      if (error instanceof ChannelChoiceError) {
        io.err(`flowfate apoptosis: ${error.message}`);
        return 2;
      }
      if (error instanceof UsageError || error instanceof TypeError || error instanceof RangeError) {
        io.err(`flowfate apoptosis: ${error.message}\n\n${USAGE}`);
        return 2;
      }
      throw error;
    }
    const { tubes, first } = opened;
    const failures = [...opened.failures];
    for (const failure of failures) io.err(`flowfate apoptosis: ${failure.error.message}`);
    if (!first) return 1;
    let analysis: ApoptosisAnalysis;
    try {
      analysis = analyseApoptosisExperiment(tubes, {
        fluorescence: first.fluorescence, scatter: first.scatter, compensation: options.compensation, percentile: options.percentile,
        thresholdRule: DEFAULT_THRESHOLD_RULE, manualThresholds: options.thresholds,
      });
    } catch (error) {
      if (!(error instanceof ApoptosisAnalysisError)) throw error;
      io.err(`flowfate apoptosis: ${error.message}`);
      return 1;
    }
    for (const failed of analysis.failed) {
      io.err(`flowfate apoptosis: ${failed.message}`);
      failures.push({ file: failed.name, error: { code: 'NOT_ANALYSED', message: failed.message } });
    }
    for (const w of [...analysis.warnings, ...analysis.tubes.flatMap((t) => t.row.warnings)]) io.err(formatWarning(w));
    if (!(await writeOutput(options, tubes, analysis, failures, io))) return 1;
    return failures.length > 0 ? 1 : 0;
  },
};
