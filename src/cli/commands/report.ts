import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { inferAnnotation } from '../../analysis/sampleSheetNames.ts';
import { analyseExperimentFiles, type ExperimentFile } from '../../experiment/analyseFiles.ts';
import { displayUnits } from '../../experiment/conditions.ts';
import { experimentSheets, experimentTables } from '../../experiment/workbook.ts';
import { exportFileName } from '../../export/fileNames.ts';
import { renderCsv } from '../../export/table.ts';
import { renderXlsx } from '../../export/xlsx.ts';
import { FcsError } from '../../fcs/errors.ts';
import { readFcs } from '../../fcs/read.ts';
import { defaultDatasetIndex } from '../../fcs/scale.ts';
import { FLOWFATE_VERSION } from '../../shared/version.ts';
import type { CliIo, Command } from '../command.ts';
import { describeWriteFailure, InputFileError, readInputFile, writeOutputFile } from '../files.ts';
import { applySheetFile } from '../sampleSheetFile.ts';

const USAGE = `Usage: flowfate report FILE... [--sheet SHEET.csv] [--name NAME] [--out FILE.xlsx] [--csv DIR]

The experiment's answer in one workbook, as the app exports it: the Annexin V/PI and PI-DNA tubes
analysed with the product defaults (the app's first run), grouped by condition from the sample
sheet, with these sheets:
  Summary     each condition's mean, SD and n of every percentage, then the EC50 (95 % CI, Hill
              slope, plateaus) of every dose-response curve, per compound and time point
  Tidy        one row per tube x population: the sample-sheet columns, population, parent, count,
              % of parent
  Apoptosis, Cell cycle   each assay's per-tube results with the sample-sheet columns
  Provenance  per tube: file, SHA-256 of the file, data set, every gate's path and coordinates,
              transform, compensation matrix, FlowFate version and date

  --sheet SHEET.csv  the sample sheet (as the app's Sample sheet exports it, or any table with a File
                     column and columns such as Compound, Concentration, Unit, Time, Replicate);
                     without it, or for files it leaves out, the sheet is read from file names
                     and keywords ($FIL, TUBE NAME, $SRC)
  --name NAME        the experiment's name (default: the files' EXPERIMENT NAME)
  --out FILE.xlsx    the workbook (default: "NAME DATE report.xlsx" here)
  --csv DIR          also write each sheet as CSV into DIR ("NAME DATE tidy.csv", ...)
Exit status: 0 when every file was analysed, 1 when any could not be read or analysed (the others are
still reported), 2 on bad usage.`;

interface ReportArgs {
  files: string[];
  sheet: string | undefined;
  name: string | undefined;
  out: string | undefined;
  csv: string | undefined;
}

function parseReportArgs(args: string[]): ReportArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { sheet: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' }, csv: { type: 'string' } },
  });
  if (positionals.length === 0) throw new TypeError('no FCS file given');
  return { files: positionals, sheet: values.sheet, name: values.name, out: values.out, csv: values.csv };
}

/** A file's default data set with its sheet row read from its name and keywords, and the SHA-256 of its bytes. */
async function readExperimentFile(path: string): Promise<ExperimentFile | string> {
  try {
    const bytes = await readInputFile(path);
    const file = readFcs(bytes, { fileName: path });
    const index = defaultDatasetIndex(file);
    const dataset = file.datasets[index];
    const name = basename(path);
    return {
      name, dataset, datasetLabel: `${index + 1} of ${file.datasets.length}`, sha256: createHash('sha256').update(bytes).digest('hex'),
      annotation: inferAnnotation(name, dataset.channels, dataset.keywords),
    };
  } catch (error) {
    if (error instanceof InputFileError || error instanceof FcsError) return error.message;
    throw error;
  }
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function commonest(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v.trim() !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].toSorted((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'One workbook of an experiment: per-condition mean ± SD, EC50s, tidy table, per-assay sheets, provenance',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let options: ReportArgs;
    try {
      options = parseReportArgs(args);
    } catch (error) {
      if (error instanceof TypeError) {
        io.err(`flowfate report: ${error.message}\n\n${USAGE}`);
        return 2;
      }
      throw error;
    }
    let failed = false;
    let files: ExperimentFile[] = [];
    for (const path of options.files) {
      const read = await readExperimentFile(path);
      if (typeof read === 'string') {
        io.err(`flowfate report: ${read}`);
        failed = true;
      } else {
        files.push(read);
      }
    }
    if (options.sheet !== undefined) {
      try {
        files = await applySheetFile(files, options.sheet, io, 'flowfate report');
      } catch (error) {
        if (!(error instanceof InputFileError)) throw error;
        io.err(`flowfate report: ${error.message}`);
        return 2;
      }
    }
    const analysed = analyseExperimentFiles(files);
    for (const problem of analysed.problems) io.err(`flowfate report: ${problem}`);
    failed ||= analysed.problems.length > 0;
    const now = new Date();
    const name = options.name ?? commonest(files.map((f) => f.dataset.keywords['EXPERIMENT NAME'] ?? ''));
    const tables = experimentTables({
      tubes: analysed.tubes, units: displayUnits(analysed.tubes.map((t) => t.annotation)), wide: analysed.wide, provenance: analysed.provenance,
      stamp: { version: FLOWFATE_VERSION, exportedAt: now },
    });
    const out = options.out ?? exportFileName(name, now, 'report', 'xlsx');
    try {
      await writeOutputFile(out, renderXlsx(experimentSheets(tables)));
      if (options.csv !== undefined) {
        await mkdir(options.csv, { recursive: true });
        for (const { name: table, table: contents } of tables) await writeOutputFile(join(options.csv, exportFileName(name, now, table.toLowerCase(), 'csv')), renderCsv(contents));
      }
    } catch (error) {
      io.err(`flowfate report: ${describeWriteFailure(out, error)}`);
      return 1;
    }
    const conditions = tables[0].table.rows.length;
    const curves = tables[1].table.rows.length;
    io.out(`Wrote ${out}: ${count(analysed.tubes.length, 'analysed tube')} of ${count(options.files.length, 'file')}, ${count(conditions, 'condition')}, ${count(curves, 'dose-response curve')}${options.csv === undefined ? '' : `; CSVs in ${options.csv}`}.`);
    return failed ? 1 : 0;
  },
};
