import { mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { populationCountsTable, type SampleCounts } from '../../export/populationTable.ts';
import { csvLine, renderCsv, text } from '../../export/table.ts';
import { defaultDatasetIndex } from '../../fcs/scale.ts';
import { channelSourceFromDataset } from '../../gating/channelSource.ts';
import { GatingEvaluator } from '../../gating/evaluator.ts';
import { populationCounts } from '../../gating/statistics.ts';
import { parseGatingStrategy } from '../../gating/strategyJson.ts';
import type { GatingStrategy } from '../../gating/types.ts';
import { parseGatingMl } from '../../gatingml/parse.ts';
import type { CliIo, Command } from '../command.ts';
import { type FileFailure, InputFileError, isFileFailure, readFcsFile, readInputFile, writeCsvFile, writeFileAtomically } from '../files.ts';

const USAGE = `Usage: flowfate analyze FILE... --gating GATES.(xml|json) [--out summary.csv] [--events DIR]

Applies a Gating-ML 2.0 file (.xml) or a FlowFate template (.json) to each FCS file with the
app's gating engine (the file's default data set; compensation and transforms as the gates say).

  --gating FILE  the gates: Gating-ML 2.0 XML, or FlowFate template JSON
  --out FILE     write the summary CSV there instead of standard output: one row per sample and
                 population with sample,population,parent,count,percent_of_parent,percent_of_total
                 (population and parent are ids; an empty parent is the whole sample)
  --events DIR   write DIR/<file stem>.events.csv: one 0/1 column per population (header = id),
                 one row per event in file order
Exit status: 0 when every file was analysed, 1 when any could not be (or the gates are invalid),
2 on bad usage.`;

const EVENT_ROWS_PER_WRITE = 65536;

interface Options {
  files: string[];
  gating: string;
  out: string | null;
  events: string | null;
}

function parseArguments(args: string[]): Options | string {
  const files: string[] = [];
  const values: Record<'--gating' | '--out' | '--events', string | null> = { '--gating': null, '--out': null, '--events': null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--gating' || arg === '--out' || arg === '--events') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      values[arg] = value;
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) return 'no FCS file given';
  if (values['--gating'] === null) return '--gating is required';
  return { files, gating: values['--gating'], out: values['--out'], events: values['--events'] };
}

async function readStrategy(path: string): Promise<GatingStrategy> {
  const contents = new TextDecoder().decode(await readInputFile(path));
  return extname(path).toLowerCase() === '.json' ? parseGatingStrategy(contents) : parseGatingMl(contents);
}

/** Written atomically: an interrupted run never leaves a shorter file that looks complete. */
async function writeEventsCsv(path: string, evaluator: GatingEvaluator): Promise<void> {
  const ids = evaluator.populations.map((p) => p.id);
  const masks = ids.map((id) => evaluator.mask(id));
  await writeFileAtomically(path, async (file) => {
    await file.write(csvLine(ids.map(text)));
    for (let start = 0; start < evaluator.eventCount; start += EVENT_ROWS_PER_WRITE) {
      const rows: string[] = [];
      const end = Math.min(evaluator.eventCount, start + EVENT_ROWS_PER_WRITE);
      for (let i = start; i < end; i++) rows.push(`${masks.map((mask) => mask[i]).join(',')}\r\n`);
      await file.write(rows.join(''));
    }
  });
}

/** Summary rows of one file, or why the file could not be used; throws a gating error the caller reports. */
async function analyzeFile(path: string, strategy: GatingStrategy, eventsDir: string | null): Promise<SampleCounts | FileFailure> {
  const fcs = await readFcsFile(path);
  if (isFileFailure(fcs)) return fcs;
  const evaluator = new GatingEvaluator(channelSourceFromDataset(fcs.datasets[defaultDatasetIndex(fcs)]));
  evaluator.update(strategy);
  if (eventsDir !== null) await writeEventsCsv(join(eventsDir, `${fileStem(path)}.events.csv`), evaluator);
  return { sample: basename(path), counts: populationCounts(evaluator) };
}

function fileStem(path: string): string {
  return basename(path, extname(path));
}

function describeError(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'no such file';
  return error instanceof Error ? error.message : String(error);
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Apply Gating-ML or a FlowFate template to FCS files; write population counts (and per-event membership)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseArguments(args);
    if (typeof options === 'string') {
      io.err(`flowfate analyze: ${options}\n\n${USAGE}`);
      return 2;
    }
    const stems = options.files.map(fileStem);
    const clash = stems.find((stem, i) => stems.indexOf(stem) !== i);
    if (options.events !== null && clash !== undefined) {
      io.err(`flowfate analyze: two files would both write ${clash}.events.csv; rename one or run them separately`);
      return 2;
    }
    let strategy: GatingStrategy;
    try {
      strategy = await readStrategy(options.gating);
    } catch (error) {
      io.err(`flowfate analyze: ${error instanceof InputFileError ? error.message : `cannot use the gates in "${options.gating}": ${describeError(error)}`}`);
      return 1;
    }
    if (options.events !== null) {
      try {
        await mkdir(options.events, { recursive: true });
      } catch (error) {
        io.err(`flowfate analyze: cannot create the events folder "${options.events}": ${describeError(error)}`);
        return 1;
      }
    }
    const samples: SampleCounts[] = [];
    let failed = false;
    for (const path of options.files) {
      try {
        const result = await analyzeFile(path, strategy, options.events);
        if (isFileFailure(result)) {
          failed = true;
          io.err(`flowfate analyze: ${result.error.message}`);
        } else {
          samples.push(result);
        }
      } catch (error) {
        failed = true;
        io.err(`flowfate analyze: "${path}": ${describeError(error)}`);
      }
    }
    const summary = populationCountsTable(samples);
    if (options.out === null) io.out(renderCsv(summary));
    else if (!(await writeCsvFile(options.out, summary, 'analyze', io))) return 1;
    return failed ? 1 : 0;
  },
};
