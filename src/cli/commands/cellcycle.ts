import { parseArgs } from 'node:util';
import { findChannel } from '../../channels/suggest.ts';
import { analyseDnaSample, type DnaSampleAnalysis } from '../../cellcycle/analyseDnaSample.ts';
import { cellCycleResultsTable, type CellCycleResultRow } from '../../cellcycle/resultsTable.ts';
import { DNA_HISTOGRAM_BINS, dnaHistogramTop, noDnaChannelMessage, suggestDnaChannels } from '../../cellcycle/dnaChannels.ts';
import { defaultModelOptions } from '../../cellcycle/modelOptions.ts';
import type { SingletPulseParameter } from '../../cellcycle/singletGate.ts';
import { CellCycleError, cellCycleFailureMessage } from '../../cellcycle/cellCycleError.ts';
import type { DebrisMode, ModelKind } from '../../cellcycle/types.ts';
import { scaledColumn } from '../../fcs/scale.ts';
import type { Channel, FcsDataset } from '../../fcs/types.ts';
import type { CliIo, Command } from '../command.ts';
import { type FileFailure, isFileFailure, readDefaultDataset, writeCsvFile } from '../files.ts';
import { type TableTube, withSampleSheet } from '../sampleSheetFile.ts';

const USAGE = `Usage: flowfate cellcycle FILE... [--dna CH [--width CH | --height CH]] [--model djf|watson|rectangle]
                           [--debris auto|on|off] [--json | --out FILE.csv [--sheet SHEET.csv]]

PI DNA-content cell-cycle analysis, the same pipeline as the app: events off the DNA axis (piled at
or below zero or in its top channel) left out and counted, an automatic singlet band on DNA-A vs
DNA-W (or DNA-H), the DNA histogram of singlets on 1,024 linear channels, and a model fit.
%G0/G1, %S and %G2/M are of the modelled cycling cells (they add up to 100); sub-G1, debris and
aggregates are % of singlets; off-scale is % of all events. A second G0/G1-like population (an
internal standard or an aneuploid clone) is fitted as its own cycle and reported with its DNA index
(second ÷ first G0/G1 mean), never counted as sub-G1, S or G2/M. Without --width or --height every
event is fitted (doublets are then left to the aggregate model). DNA content is read uncompensated:
no spillover matrix is applied or needed.

  --dna CH        DNA-content area channel, by $PnN or $PnS (case-insensitive), e.g. PI-A. Without it,
                  each file's channel named for a DNA dye (PI, DAPI, Hoechst, DRAQ5, 7-AAD, FxCycle...,
                  in $PnN or $PnS) is used with its pulse width or height for the singlet gate
  --width CH      pulse width of the DNA signal for the singlet gate, e.g. PI-W
  --height CH     pulse height instead, e.g. PI-H
  --model M       djf (Dean-Jett-Fox, default), watson (Watson pragmatic) or rectangle (broadened rectangle S)
  --debris D      single-cut debris: auto (default: modelled when the histogram shows a debris slope
                  below G0/G1), on or off
  --json          print one JSON entry per FILE
  --out FILE.csv  write the results table as CSV, with the sample-sheet columns (cell line, compound,
                  concentration, time, replicate) read from file names and keywords
  --sheet SHEET.csv  with --out: take those columns from this sample sheet (the app's export, or any
                  table with a File column), for the files it lists
Quality flags go to stderr (and into the JSON/CSV). Exit status: 0 when every file was analysed, 1 when
any file could not be read, lacks a channel or could not be fitted (the others are still analysed),
2 on bad usage.`;

const MODELS: readonly ModelKind[] = ['djf', 'watson', 'rectangle'];
const DEBRIS_MODES: readonly DebrisMode[] = ['auto', 'on', 'off'];

interface CellCycleArgs {
  files: string[];
  /** Null: the DNA channel and its singlet pulse are suggested for each file. */
  dna: string | null;
  pulse: { query: string; kind: SingletPulseParameter } | null;
  model: ModelKind;
  debris: DebrisMode;
  output: { kind: 'text' } | { kind: 'json' } | { kind: 'csv'; path: string; sheet: string | undefined };
}

function parseCellCycleArgs(args: string[]): CellCycleArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      dna: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' }, model: { type: 'string' },
      debris: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, sheet: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new TypeError('no FCS file given');
  if (values.dna === undefined && (values.width !== undefined || values.height !== undefined)) throw new TypeError('give --dna CH with --width or --height');
  if (values.width !== undefined && values.height !== undefined) throw new TypeError('give either --width or --height, not both');
  if (values.json && values.out !== undefined) throw new TypeError('give either --json or --out, not both');
  if (values.sheet !== undefined && values.out === undefined) throw new TypeError('--sheet goes with --out (the CSV it fills in)');
  const model = (values.model ?? 'djf') as ModelKind;
  if (!MODELS.includes(model)) throw new TypeError(`--model must be djf, watson or rectangle, got "${values.model}"`);
  const debris = (values.debris ?? 'auto') as DebrisMode;
  if (!DEBRIS_MODES.includes(debris)) throw new TypeError(`--debris must be auto, on or off, got "${values.debris}"`);
  const pulse =
    values.width !== undefined ? { query: values.width, kind: 'width' as const } : values.height !== undefined ? { query: values.height, kind: 'height' as const } : null;
  const output = values.json ? { kind: 'json' as const } : values.out !== undefined ? { kind: 'csv' as const, path: values.out, sheet: values.sheet } : { kind: 'text' as const };
  return { files: positionals, dna: values.dna ?? null, pulse, model, debris, output };
}

/** Scaled values of a channel found by $PnN or $PnS, or a CellCycleError listing the channels there are. */
function channelValues(dataset: FcsDataset, query: string, flag: string): { values: Float32Array | Float64Array; channel: Channel } {
  let name: string | null;
  try {
    name = findChannel(dataset.channels, query);
  } catch (error) {
    // Several channels carry the name: findChannel's sentence lists them.
    throw new CellCycleError('no-channel', error instanceof Error ? error.message : String(error));
  }
  const position = dataset.channels.findIndex((c) => c.name === name);
  if (name === null || position < 0) {
    const names = dataset.channels.map((c) => (c.label ? `${c.name} (${c.label})` : c.name)).join(', ');
    throw new CellCycleError('no-channel', `No channel is named "${query}" (${flag}) by $PnN or $PnS; the file's channels are ${names}`);
  }
  return { values: scaledColumn(dataset, position), channel: dataset.channels[position] };
}

/** The channels given, or the DNA channel and its singlet pulse suggested from the file's dyes and pulse names. */
function channelsFor(dataset: FcsDataset, args: CellCycleArgs): { dna: string; pulse: CellCycleArgs['pulse']; note: string | null } {
  if (args.dna !== null) return { dna: args.dna, pulse: args.pulse, note: null };
  const suggested = suggestDnaChannels(dataset.channels);
  if (!suggested) throw new CellCycleError('no-channel', noDnaChannelMessage(dataset.channels, 'give it with --dna CH'));
  const { dna, pulse } = suggested;
  const singlets = pulse
    ? `singlets gated on ${dna} vs ${pulse.channel} (pulse ${pulse.kind})`
    : `no pulse width or height of ${dna}, so singlets are not gated (doublets are left to the aggregate model)`;
  return { dna, pulse: pulse && { query: pulse.channel, kind: pulse.kind }, note: `DNA content read from ${dna}; ${singlets}.` };
}

async function analyseFile(path: string, args: CellCycleArgs): Promise<{ dataset: FcsDataset; analysis: DnaSampleAnalysis; note: string | null } | FileFailure> {
  const dataset = await readDefaultDataset(path);
  if (isFileFailure(dataset)) return dataset;
  try {
    const chosen = channelsFor(dataset, args);
    const dna = channelValues(dataset, chosen.dna, '--dna');
    const maxValue = dnaHistogramTop(dna.channel);
    const pulse = chosen.pulse ? { values: channelValues(dataset, chosen.pulse.query, `--${chosen.pulse.kind}`).values, kind: chosen.pulse.kind } : null;
    const analysis = analyseDnaSample({
      dna: dna.values,
      pulse,
      events: null,
      maxValue,
      binCount: DNA_HISTOGRAM_BINS,
      options: { ...defaultModelOptions(args.model), debris: args.debris },
    });
    return { dataset, analysis, note: chosen.note };
  } catch (error) {
    // Every failure is a sentence about the file: a CellCycleError's own words, never an internal error's text.
    return { file: path, error: { code: 'ANALYSIS_FAILED', message: `"${path}": ${cellCycleFailureMessage(error)}` } };
  }
}

/** Today's fields first (issue 7), then issue 10's: off-scale events, the debris decision, the second population. */
function jsonEntry(file: string, { fit, flags, offScale }: DnaSampleAnalysis) {
  const second = fit.secondPopulation;
  return {
    file,
    singlets: fit.singlets,
    subG1Percent: fit.subG1Percent,
    model: fit.model,
    G1: fit.g1Percent,
    S: fit.sPercent,
    G2M: fit.g2mPercent,
    g1Mean: fit.g1Mean,
    g2Mean: fit.g2Mean,
    g1CV: fit.g1CvPercent,
    g2CV: fit.g2CvPercent,
    g2g1Ratio: fit.g2g1Ratio,
    rcs: fit.rcs,
    debrisPercent: fit.debrisPercent,
    aggregatesPercent: fit.aggregatesPercent,
    flags: flags.map(({ code, message }) => ({ code, message })),
    offScalePercent: offScale.percent,
    debrisModelled: fit.debrisModelled,
    ...(second && {
      secondG1Mean: second.g1Mean,
      secondG1CV: second.g1CvPercent,
      dnaIndex: second.dnaIndex,
      secondPopulationPercent: second.percentOfCells,
    }),
  };
}

function textTable(rows: readonly CellCycleResultRow[]): string {
  const header = ['file', 'singlets', 'off-scale %', 'sub-G1 %', 'G0/G1 %', 'S %', 'G2/M %', 'G1 CV %', 'G2/G1', 'RCS', 'DNA index'];
  const body = rows.map(({ file, fit, offScale }) => [
    file,
    String(Math.round(fit.singlets)),
    ...[offScale?.percent ?? Number.NaN, fit.subG1Percent, fit.g1Percent, fit.sPercent, fit.g2mPercent, fit.g1CvPercent].map((v) => v.toFixed(2)),
    fit.g2g1Ratio.toFixed(3),
    fit.rcs.toFixed(2),
    fit.secondPopulation ? fit.secondPopulation.dnaIndex.toFixed(3) : '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => cells[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    line(header),
    ...body.map(line),
    '',
    'G0/G1 + S + G2/M = 100% of the modelled cycling cells of the first population; sub-G1 is % of singlets; off-scale is % of all events;',
    'DNA index = second ÷ first G0/G1 mean, when a second G0/G1-like population is present.',
  ].join('\n');
}

export const cellcycleCommand: Command = {
  name: 'cellcycle',
  summary: 'PI DNA cell cycle: singlets, sub-G1, %G0/G1, %S, %G2/M by Dean-Jett-Fox, Watson or rectangle fits',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let options: CellCycleArgs;
    try {
      options = parseCellCycleArgs(args);
    } catch (error) {
      // parseArgs reports unknown or malformed flags as TypeErrors too.
      if (error instanceof TypeError) {
        io.err(`flowfate cellcycle: ${error.message}\n\n${USAGE}`);
        return 2;
      }
      throw error;
    }
    const rows: CellCycleResultRow[] = [];
    const tubes: TableTube[] = [];
    const entries: (ReturnType<typeof jsonEntry> | FileFailure)[] = [];
    let failed = false;
    for (const file of options.files) {
      const outcome = await analyseFile(file, options);
      if (isFileFailure(outcome)) {
        io.err(`flowfate cellcycle: ${outcome.error.message}`);
        entries.push(outcome);
        failed = true;
        continue;
      }
      const result = outcome.analysis;
      if (outcome.note) io.err(`channels (${file}): ${outcome.note}`);
      for (const flag of result.flags) io.err(`flag ${flag.code} (${file}): ${flag.message}`);
      rows.push({ file, fit: result.fit, flags: result.flags, offScale: result.offScale });
      tubes.push({ path: file, dataset: outcome.dataset, assay: 'cellCycle' });
      entries.push(jsonEntry(file, result));
    }
    switch (options.output.kind) {
      case 'json':
        io.out(JSON.stringify(entries, null, 2));
        break;
      case 'csv': {
        const table = await withSampleSheet(cellCycleResultsTable(rows), tubes, options.output.sheet, io, 'flowfate cellcycle');
        if (!table || !(await writeCsvFile(options.output.path, table, 'cellcycle', io))) return 1;
        io.out(`Wrote ${rows.length} rows to ${options.output.path}.`);
        break;
      }
      case 'text':
        if (rows.length > 0) io.out(textTable(rows));
        break;
      default: {
        const unknown: never = options.output;
        throw new Error(`unknown output ${JSON.stringify(unknown)}`);
      }
    }
    return failed ? 1 : 0;
  },
};
