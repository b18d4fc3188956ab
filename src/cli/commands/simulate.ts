import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFcs } from '../../fcs/write.ts';
import { DEFAULT_APOPTOSIS_PARAMS, simulateApoptosisSample, type ApoptosisBiology } from '../../simulate/apoptosisModel.ts';
import { DEFAULT_CELL_CYCLE_PARAMS, simulateCellCycleSample } from '../../simulate/cellCycleModel.ts';
import { apoptosisParamsForTreatment, cellCycleParamsForTreatment } from '../../simulate/drugResponse.ts';
import type { DemoTruth } from '../../simulate/experiment.ts';
import { INSTRUMENT_LAYOUTS, inLayout, type InstrumentLayoutName, type LayoutSample } from '../../simulate/layouts.ts';
import { MAX_SIMULATED_EVENTS } from '../../simulate/simulatedSample.ts';
import { describeTruth } from '../../simulate/truthSummary.ts';
import type { CliIo, Command } from '../command.ts';
import { describeWriteFailure, writeOutputFile } from '../files.ts';

const USAGE = `Usage: flowfate simulate --assay apoptosis|cellcycle --out FILE.fcs [options]

Writes one simulated tube (a FACSCanto II by default: FCS 3.1, float32, uncompensated) of a myeloma-like line treated
with an ixazomib-like drug, and prints the true fractions it was made from.

  --assay A         apoptosis (Annexin V-FITC/PI) or cellcycle (PI DNA content)
  --out FILE        where to write the .fcs file (folders are created)
  --events N        number of events, 1 to ${MAX_SIMULATED_EVENTS} (default 20000 apoptosis, 30000 cellcycle)
  --dose NM         drug dose in nM (default 0)
  --time H          exposure in hours, 1 to 168 (default 24)
  --seed S          integer seed, 0 to 4294967295 (default 1); the same seed gives the same file
  --no-spillover    leave $SPILLOVER out of an apoptosis file (the data stay uncompensated)
  --layout L        apoptosis only: the instrument's file layout, ${INSTRUMENT_LAYOUTS.join(', ')}
                    (default cantoII; see src/simulate/layouts.ts)
  --biology B       apoptosis only: textbook (default) or messy (necrotic cells with some Annexin V, early
                    apoptotic cells smeared dim to bright, more PI-positive debris)
  --byte-order O    big (default, as FACSDiva writes) or little
  --json            print the truth as JSON instead of a summary line
Exit status: 0 when the file was written, 1 when it could not be, 2 on bad usage.`;

type Assay = 'apoptosis' | 'cellcycle';

interface SimulateOptions {
  assay: Assay;
  out: string;
  events: number | null;
  doseNm: number;
  timeH: number;
  seed: number;
  spillover: boolean;
  layout: InstrumentLayoutName;
  biology: ApoptosisBiology;
  byteOrder: 'big' | 'little';
  json: boolean;
}

class UsageError extends Error {}

function parseNumber(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} needs a number, got "${text}"`);
  return value;
}

function parseSimulateArgs(args: string[]): SimulateOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      assay: { type: 'string' }, out: { type: 'string' }, events: { type: 'string' }, dose: { type: 'string' },
      time: { type: 'string' }, seed: { type: 'string' }, 'no-spillover': { type: 'boolean' }, layout: { type: 'string' }, biology: { type: 'string' },
      'byte-order': { type: 'string' }, json: { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.assay !== 'apoptosis' && values.assay !== 'cellcycle') {
    throw new UsageError(`--assay must be apoptosis or cellcycle, got ${values.assay === undefined ? 'nothing' : `"${values.assay}"`}`);
  }
  if (!values.out) throw new UsageError('--out FILE.fcs is required');
  const layout = INSTRUMENT_LAYOUTS.find((l) => l === (values.layout ?? 'cantoII'));
  if (!layout) throw new UsageError(`--layout must be one of ${INSTRUMENT_LAYOUTS.join(', ')}, got "${values.layout}"`);
  const biology = values.biology ?? 'textbook';
  if (biology !== 'textbook' && biology !== 'messy') throw new UsageError(`--biology must be textbook or messy, got "${biology}"`);
  if (values.assay === 'cellcycle' && (values.layout !== undefined || values.biology !== undefined)) throw new UsageError('--layout and --biology are for --assay apoptosis');
  const byteOrder = values['byte-order'] ?? 'big';
  if (byteOrder !== 'big' && byteOrder !== 'little') throw new UsageError(`--byte-order must be big or little, got "${byteOrder}"`);
  return {
    assay: values.assay,
    out: values.out,
    events: values.events === undefined ? null : parseNumber(values.events, '--events', 0),
    doseNm: parseNumber(values.dose, '--dose', 0),
    timeH: parseNumber(values.time, '--time', 24),
    seed: parseNumber(values.seed, '--seed', 1),
    spillover: !values['no-spillover'],
    layout,
    biology,
    byteOrder,
    json: values.json ?? false,
  };
}

function simulate(options: SimulateOptions): LayoutSample<DemoTruth> {
  const acquisition = { fileName: basename(options.out) };
  if (options.assay === 'apoptosis') {
    const params = apoptosisParamsForTreatment(options.doseNm, options.timeH, options.events ?? DEFAULT_APOPTOSIS_PARAMS.eventCount);
    const sample = simulateApoptosisSample({ ...params, writeSpilloverKeyword: options.spillover, ...(options.biology === 'messy' && { biology: options.biology }) }, options.seed, acquisition);
    return inLayout(sample, options.layout, { stainLabels: true });
  }
  const params = cellCycleParamsForTreatment(options.doseNm, options.timeH, options.events ?? DEFAULT_CELL_CYCLE_PARAMS.eventCount);
  return { ...simulateCellCycleSample(params, options.seed, acquisition), datatype: 'F' };
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Write one simulated Annexin V/PI or PI-DNA FCS file with known true fractions',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let sample: LayoutSample<DemoTruth>;
    let options: SimulateOptions;
    try {
      options = parseSimulateArgs(args);
      sample = simulate(options);
    } catch (error) {
      // parseArgs reports unknown or malformed flags as TypeErrors; the simulator reports bad values as RangeErrors.
      if (error instanceof UsageError || error instanceof TypeError || error instanceof RangeError) {
        io.err(`flowfate simulate: ${error.message}\n\n${USAGE}`);
        return 2;
      }
      throw error;
    }
    let bytes: Uint8Array;
    try {
      bytes = writeFcs(sample.input, { byteOrder: options.byteOrder, datatype: sample.datatype });
      await mkdir(dirname(options.out), { recursive: true });
      await writeOutputFile(options.out, bytes);
    } catch (error) {
      io.err(`flowfate simulate: ${describeWriteFailure(options.out, error)}`);
      return 1;
    }
    io.out(options.json
      ? JSON.stringify(sample.truth, null, 2)
      : `Wrote ${options.out} (${sample.labels.length.toLocaleString('en-US')} events, ${bytes.length.toLocaleString('en-US')} bytes): ${describeTruth(sample.truth)}`);
    return 0;
  },
};
