import { parseArgs } from 'node:util';
import { SampleSession } from '../../analysis/sampleSession.ts';
import { findScatterChannels, type ScatterChannels, setupMismatch } from '../../apoptosis/channels.ts';
import { findChannel } from '../../channels/suggest.ts';
import type { CompensationChoice, FluorescenceChannels } from '../../apoptosis/compensation.ts';
import { apoptosisResultsTable } from '../../apoptosis/resultsTable.ts';
import { analyseApoptosisExperiment, ApoptosisAnalysisError, type ApoptosisAnalysis, type ApoptosisTube } from '../../apoptosis/experiment.ts';
import { CONTROL_ROLE_NAMES, type ControlRole } from '../../apoptosis/populations.ts';
import type { ApoptosisResultRow } from '../../apoptosis/results.ts';
import { checkPercentile, DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from '../../apoptosis/thresholds.ts';
import type { ApoptosisWarning } from '../../apoptosis/warnings.ts';
import type { FcsDataset } from '../../fcs/types.ts';
import type { CliIo, Command } from '../command.ts';
import { type FileFailure, isFileFailure, readDefaultDataset, writeCsvFile } from '../files.ts';

const USAGE = `Usage: flowfate apoptosis FILE... --annexin CH --pi CH [--unstained FILE] [--annexin-only FILE]
                          [--pi-only FILE] [--percentile P] [--compensation file|controls|none]
                          [--json | --out FILE.csv]

Annexin V/PI apoptosis analysis, the same pipeline as the app: automatic Cells (FSC-A x SSC-A) and
Singlets (FSC-A x FSC-H or FSC-W) gates per file, compensation, a quadrant centred at a percentile
of the negative controls (Annexin V axis from the PI-only control, PI axis from the Annexin V-only
control, the unstained control when one is missing), shared by all files. Reports viable, early
apoptotic, late apoptotic, necrotic and total apoptotic (early + late) as % of singlets.

  --annexin CH         Annexin V channel, by $PnN or $PnS (case-insensitive), e.g. FITC-A or "Annexin V"
  --pi CH              PI (viability dye) channel, likewise
  --unstained FILE     unstained control
  --annexin-only FILE  Annexin V-only control
  --pi-only FILE       PI-only control
  --percentile P       percentile of the negative controls for the quadrant centre, 50 to <100 (default ${DEFAULT_PERCENTILE})
  --compensation C     file: each file's own $SPILLOVER (default); controls: computed from the two
                       single-stain controls; none: uncompensated
  --json               print one JSON entry per FILE
  --out FILE.csv       write the results table as CSV
Warnings go to stderr. Exit status: 0 when every file was analysed, 1 when any file could not be
read or lacks a channel (the others are still analysed) or no quadrant could be placed, 2 on bad usage.`;

interface ApoptosisArgs {
  samples: string[];
  controls: Partial<Record<ControlRole, string>>;
  annexin: string;
  pi: string;
  percentile: number;
  compensation: CompensationChoice;
  output: { kind: 'text' } | { kind: 'json' } | { kind: 'csv'; path: string };
}

class UsageError extends Error {}

const COMPENSATION_CHOICES: Record<string, CompensationChoice> = { file: { kind: 'file' }, controls: { kind: 'controls' }, none: { kind: 'none' } };

function parseApoptosisArgs(args: string[]): ApoptosisArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      annexin: { type: 'string' }, pi: { type: 'string' }, unstained: { type: 'string' }, 'annexin-only': { type: 'string' },
      'pi-only': { type: 'string' }, percentile: { type: 'string' }, compensation: { type: 'string' }, json: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('no FCS file given');
  if (!values.annexin || !values.pi) throw new UsageError(`--annexin CH and --pi CH are required`);
  if (values.json && values.out !== undefined) throw new UsageError('give either --json or --out, not both');
  const percentile = values.percentile === undefined ? DEFAULT_PERCENTILE : Number(values.percentile);
  if (values.percentile?.trim() === '') throw new UsageError('--percentile needs a number');
  checkPercentile(percentile);
  const compensation = COMPENSATION_CHOICES[values.compensation ?? 'file'];
  if (!compensation) throw new UsageError(`--compensation must be file, controls or none, got "${values.compensation}"`);
  const controls: Partial<Record<ControlRole, string>> = {};
  if (values.unstained !== undefined) controls.unstained = values.unstained;
  if (values['annexin-only'] !== undefined) controls.annexinOnly = values['annexin-only'];
  if (values['pi-only'] !== undefined) controls.piOnly = values['pi-only'];
  const output = values.json ? { kind: 'json' as const } : values.out !== undefined ? { kind: 'csv' as const, path: values.out } : { kind: 'text' as const };
  return { samples: positionals, controls, annexin: values.annexin, pi: values.pi, percentile, compensation, output };
}

interface LoadedFile {
  dataset: FcsDataset;
  fluorescence: FluorescenceChannels;
  scatter: ScatterChannels;
}

async function loadFile(path: string, args: ApoptosisArgs): Promise<LoadedFile | FileFailure> {
  const dataset = await readDefaultDataset(path);
  if (isFileFailure(dataset)) return dataset;
  try {
    const find = (query: string, flag: string) => {
      const name = findChannel(dataset.channels, query);
      if (name === null) throw new RangeError(`no channel named "${query}" (${flag}) by $PnN or $PnS; its channels are ${dataset.channels.map((c) => (c.label ? `${c.name} (${c.label})` : c.name)).join(', ')}`);
      return name;
    };
    return { dataset, fluorescence: { annexin: find(args.annexin, '--annexin'), pi: find(args.pi, '--pi') }, scatter: findScatterChannels(dataset.channels) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { file: path, error: { code: 'MISSING_CHANNEL', message: `"${path}": ${error.message}.` } };
  }
}

/** Opens every file once (a path given both as a control and as a FILE is one tube); unusable files become failures. */
async function openTubes(args: ApoptosisArgs): Promise<{ tubes: ApoptosisTube[]; failures: FileFailure[]; loaded: Map<string, LoadedFile> }> {
  const roles = new Map<string, ApoptosisTube['role']>();
  for (const role of ['unstained', 'annexinOnly', 'piOnly'] as const) {
    const path = args.controls[role];
    if (path === undefined) continue;
    if (roles.has(path)) throw new UsageError(`"${path}" is given as two different controls`);
    roles.set(path, role);
  }
  for (const path of args.samples) if (!roles.has(path)) roles.set(path, 'sample');
  const loaded = new Map<string, LoadedFile>();
  const failures: FileFailure[] = [];
  let reference: (LoadedFile & { name: string }) | null = null;
  for (const path of roles.keys()) {
    const result = await loadFile(path, args);
    if (isFileFailure(result)) {
      failures.push(result);
      continue;
    }
    reference ??= { ...result, name: path };
    const mismatch = setupMismatch({ ...result, name: path }, reference);
    if (mismatch) {
      failures.push({ file: path, error: { code: 'CHANNEL_MISMATCH', message: mismatch } });
      continue;
    }
    loaded.set(path, result);
  }
  const tubes = [...loaded].map(([path, file]): ApoptosisTube => ({ name: path, role: roles.get(path) ?? 'sample', session: new SampleSession(file.dataset) }));
  return { tubes, failures, loaded };
}

function formatWarning(w: ApoptosisWarning): string {
  return `warning ${w.code}${w.file ? ` (${w.file})` : ''}: ${w.message}`;
}

function jsonEntry(row: ApoptosisResultRow) {
  const { percent } = row;
  return {
    file: row.file,
    events: row.events,
    cells: row.cells,
    singlets: row.singlets,
    thresholds: { annexin: row.thresholds.annexin, pi: row.thresholds.pi },
    percent: { viable: percent.viable, earlyApoptotic: percent.earlyApoptotic, lateApoptotic: percent.lateApoptotic, necrotic: percent.necrotic, totalApoptotic: percent.totalApoptotic },
  };
}

function textTable(rows: readonly ApoptosisResultRow[], analysis: ApoptosisAnalysis): string {
  const { annexin, pi } = analysis.controlThresholds;
  const source = (t: typeof annexin) => (t ? ` (${analysis.controlThresholds.percentile}th percentile of the ${CONTROL_ROLE_NAMES[t.control]} ${t.file})` : ' (set by hand)');
  const header = ['file', 'events', 'cells', 'singlets', 'viable %', 'early %', 'late %', 'necrotic %', 'total apoptotic %'];
  const body = rows.map((r) => [r.file, String(r.events), String(r.cells), String(r.singlets), ...[r.percent.viable, r.percent.earlyApoptotic, r.percent.lateApoptotic, r.percent.necrotic, r.percent.totalApoptotic].map((p) => p.toFixed(2))]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => cells[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    `Compensation: ${analysis.compensation.description}`,
    `Quadrant centre (compensated data units): Annexin V ${analysis.sharedThresholds.annexin.toPrecision(6)}${source(annexin)}, PI ${analysis.sharedThresholds.pi.toPrecision(6)}${source(pi)}`,
    '',
    line(header),
    ...body.map(line),
  ].join('\n');
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
      opened = await openTubes(options);
    } catch (error) {
      // parseArgs reports unknown or malformed flags as TypeErrors; checkPercentile reports bad values as RangeErrors.
      if (error instanceof UsageError || error instanceof TypeError || error instanceof RangeError) {
        io.err(`flowfate apoptosis: ${error.message}\n\n${USAGE}`);
        return 2;
      }
      throw error;
    }
    const { tubes, failures, loaded } = opened;
    for (const failure of failures) io.err(`flowfate apoptosis: ${failure.error.message}`);
    const first = loaded.values().next().value;
    if (!first) return 1;
    let analysis: ApoptosisAnalysis;
    try {
      analysis = analyseApoptosisExperiment(tubes, {
        fluorescence: first.fluorescence, scatter: first.scatter, compensation: options.compensation, percentile: options.percentile, thresholdRule: DEFAULT_THRESHOLD_RULE,
      });
    } catch (error) {
      if (!(error instanceof ApoptosisAnalysisError)) throw error;
      io.err(`flowfate apoptosis: ${error.message}`);
      return 1;
    }
    const rowOf = new Map(analysis.tubes.map((t) => [t.name, t.row]));
    const rows = options.samples.flatMap((path) => rowOf.get(path) ?? []);
    for (const w of [...analysis.warnings, ...analysis.tubes.flatMap((t) => t.row.warnings)]) io.err(formatWarning(w));
    switch (options.output.kind) {
      case 'json': {
        const failureOf = new Map(failures.map((f) => [f.file, f]));
        const entries = options.samples.flatMap((path): (ReturnType<typeof jsonEntry> | FileFailure)[] => {
          const row = rowOf.get(path);
          const failure = failureOf.get(path);
          return row ? [jsonEntry(row)] : failure ? [failure] : [];
        });
        io.out(JSON.stringify(entries, null, 2));
        break;
      }
      case 'csv':
        if (!(await writeCsvFile(options.output.path, apoptosisResultsTable(rows), 'apoptosis', io))) return 1;
        io.out(`Wrote ${rows.length} rows to ${options.output.path}.`);
        break;
      case 'text':
        io.out(textTable(rows, analysis));
        break;
      default: {
        const unknown: never = options.output;
        throw new Error(`unknown output ${JSON.stringify(unknown)}`);
      }
    }
    return failures.length > 0 ? 1 : 0;
  },
};
