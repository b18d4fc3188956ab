/**
 * Instrument layouts: the same simulated tube as other cytometers record it. The simulators measure on a FACSCanto
 * II (18-bit float areas, heights and widths); a layout re-encodes those measurements as another instrument's file:
 *  - FACSCalibur (CellQuest): heights only, 10-bit integers, scatter linear, fluorescence log-amplified over 4 decades
 *    ($PnE 4,0, which readers take as 4,1), compensated in hardware before the log amplifier, so no matrix;
 *  - FACSCanto II area-only exports: areas only (no pulse channel), float with the file's $SPILLOVER, or the FCS 2.0
 *    10-bit log export of FACSDiva ($PnE 4,0 on every channel, scatter included; compensated, no matrix), as in the
 *    corpus's Data002.fcs;
 *  - Beckman Navios/Gallios: "FS INT LIN", "SS INT LIN", "FL1 INT LOG"... 10-bit, fluorescence log over 4 decades
 *    from 0.1 ($PnE 4,0.1024), compensated by the software; optionally the FSC pulse peak "FS PEAK LIN".
 * A fluorescence height is derived from its area with the event's FSC height/area ratio: the pulse of one particle
 * lasts as long in every detector. The answers (truth, labels) do not change with the layout.
 */
import { compensateColumn, spilloverToSpectrum, unmixingMatrix } from '../compensation/compensate.ts';
import type { ChannelSpec, FcsWriteInput, Keywords } from '../fcs/types.ts';
import type { SimulatedSample } from './simulatedSample.ts';

export type InstrumentLayoutName = 'cantoII' | 'cantoAreaOnly' | 'cantoAreaOnlyLog' | 'facsCalibur' | 'beckman' | 'beckmanPeak';

export const INSTRUMENT_LAYOUTS: readonly InstrumentLayoutName[] = ['cantoII', 'cantoAreaOnly', 'cantoAreaOnlyLog', 'facsCalibur', 'beckman', 'beckmanPeak'];

type Encoding =
  /** The Canto value as a float. */
  | { kind: 'float' }
  /** An integer channel: round(value · perUnit), kept in [0, range − 1]; `gain` is written as $PnG (the reader divides by it). */
  | { kind: 'linear'; range: number; perUnit: number; gain?: number }
  /** A log-amplified integer channel: channel = range/decades · log10(value · perUnit / offset), kept in [0, range − 1]. */
  | { kind: 'log'; range: number; decades: number; offset: number; perUnit: number };

interface LayoutParameter {
  name: string;
  /** The Canto parameter the values come from. */
  source: string;
  /** Multiply the source by this (a dye's share in another detector). */
  share?: number;
  /** Derive a pulse height from the source area (FSC-H/FSC-A of the event). */
  height?: boolean;
  /** Not the detector the stain is read in (a dye's tail in a neighbouring detector, a linear DNA channel): no $PnS. */
  unlabelled?: boolean;
  encoding: Encoding;
}

interface Layout {
  cytometer: string;
  parameters: readonly LayoutParameter[];
  /** keep: the file's $SPILLOVER stays; applied: values are compensated before encoding and no matrix is written. */
  compensation: 'keep' | 'applied';
  /** $DATATYPE of the file. */
  datatype: 'F' | 'I';
}

const FLOAT: Encoding = { kind: 'float' };
const calibur = (perUnit: number): Encoding => ({ kind: 'log', range: 1024, decades: 4, offset: 0, perUnit });
/** FACSDiva's 10-bit log export: the linear 18-bit scale's top 4 decades ([26.2, 262144]) over 1,024 channels. */
const diva10Bit: Encoding = { kind: 'log', range: 1024, decades: 4, offset: 0, perUnit: 10_000 / 262_144 };
const beckmanLog: Encoding = { kind: 'log', range: 1024, decades: 4, offset: 0.1024, perUnit: 1 / 150 };
const beckmanLin = (perUnit: number): Encoding => ({ kind: 'linear', range: 1024, perUnit });

/** Navios/Gallios with the integral of each signal (and, with `peak`, the FSC pulse peak for a singlet gate). */
function beckmanLayout(peak: boolean): Layout {
  return {
    cytometer: 'Navios',
    parameters: [
      { name: 'FS INT LIN', source: 'FSC-A', encoding: beckmanLin(1 / 200) },
      ...(peak ? [{ name: 'FS PEAK LIN', source: 'FSC-H', encoding: beckmanLin(1 / 200) }] : []),
      { name: 'SS INT LIN', source: 'SSC-A', encoding: beckmanLin(1 / 120) },
      { name: 'FL1 INT LOG', source: 'FITC-A', encoding: beckmanLog },
      { name: 'FL2 INT LOG', source: 'PE-A', encoding: beckmanLog },
      { name: 'FL3 INT LOG', source: 'PE-A', share: 0.45, unlabelled: true, encoding: beckmanLog },
      { name: 'TIME', source: 'Time', encoding: { kind: 'linear', range: 1024, perUnit: 0.1 } },
    ],
    compensation: 'applied',
    datatype: 'I',
  };
}

const LAYOUTS: Record<Exclude<InstrumentLayoutName, 'cantoII'>, Layout> = {
  cantoAreaOnly: {
    cytometer: 'FACSCantoII',
    parameters: ['FSC-A', 'SSC-A', 'FITC-A', 'PE-A', 'Time'].map((name) => ({ name, source: name, encoding: FLOAT })),
    compensation: 'keep',
    datatype: 'F',
  },
  cantoAreaOnlyLog: {
    cytometer: 'FACSCantoII',
    parameters: [
      { name: 'FSC-A', source: 'FSC-A', encoding: diva10Bit },
      { name: 'SSC-A', source: 'SSC-A', encoding: diva10Bit },
      { name: 'FITC-A', source: 'FITC-A', encoding: diva10Bit },
      { name: 'PE-A', source: 'PE-A', encoding: diva10Bit },
      { name: 'PerCP-Cy5-5-A', source: 'PE-A', share: 0.35, unlabelled: true, encoding: diva10Bit },
      { name: 'Time', source: 'Time', encoding: { kind: 'linear', range: 1024, perUnit: 0.01 } },
    ],
    compensation: 'applied',
    datatype: 'I',
  },
  facsCalibur: {
    cytometer: 'FACSCalibur',
    parameters: [
      { name: 'FSC-H', source: 'FSC-H', encoding: { kind: 'linear', range: 1024, perUnit: 1 / 200 } },
      { name: 'SSC-H', source: 'SSC-H', encoding: { kind: 'linear', range: 1024, perUnit: 1 / 120 } },
      { name: 'FL1-H', source: 'FITC-A', height: true, encoding: calibur(1 / 8) },
      { name: 'FL2-H', source: 'PE-A', height: true, encoding: calibur(1 / 8) },
      { name: 'FL3-H', source: 'PE-A', share: 0.45, height: true, unlabelled: true, encoding: calibur(1 / 8) },
      { name: 'FL2-A', source: 'PE-A', unlabelled: true, encoding: { kind: 'linear', range: 1024, perUnit: 1 / 256 } },
      { name: 'Time', source: 'Time', encoding: { kind: 'linear', range: 1024, perUnit: 0.1 } },
    ],
    compensation: 'applied',
    datatype: 'I',
  },
  beckman: beckmanLayout(false),
  beckmanPeak: beckmanLayout(true),
};

export interface LayoutOptions {
  /** Keep the stain names ($PnS) of the Canto file on the detectors that read them; false writes none, as many exports do. */
  stainLabels: boolean;
}

/** A simulated tube in a layout: the file to write and the $DATATYPE to write it with. */
export type LayoutSample<Truth> = SimulatedSample<Truth> & { datatype: 'F' | 'I' };

function encodingSpec(encoding: Encoding): Pick<ChannelSpec, 'range' | 'bits' | 'amplification' | 'gain'> {
  switch (encoding.kind) {
    case 'float':
      return { range: 262144 };
    case 'linear':
      return { range: encoding.range, bits: 16, amplification: [0, 0], gain: encoding.gain ?? 1 };
    case 'log':
      return { range: encoding.range, bits: 16, amplification: [encoding.decades, encoding.offset], gain: 1 };
  }
}

function encode(value: number, encoding: Encoding): number {
  switch (encoding.kind) {
    case 'float':
      return value;
    case 'linear':
      return Math.min(Math.max(Math.round(value * encoding.perUnit * (encoding.gain ?? 1)), 0), encoding.range - 1);
    case 'log': {
      // FCS 3.2 §3.3.43: a log channel c reads as f2·10^(f1·c/$PnR), with f2 = 0 taken as 1.
      const floor = encoding.offset === 0 ? 1 : encoding.offset;
      const scaled = value * encoding.perUnit;
      if (!(scaled > floor)) return 0;
      return Math.min(Math.floor((encoding.range / encoding.decades) * Math.log10(scaled / floor)), encoding.range - 1);
    }
  }
}

/** The Canto columns compensated with the file's own matrix (the hardware or software compensation of a layout). */
function compensatedColumns(input: FcsWriteInput): Map<string, ArrayLike<number>> {
  const columns = new Map(input.channels.map((c, i) => [c.name, input.columns[i]]));
  const spillover = input.spillover;
  if (!spillover) return columns;
  const spectrum = spilloverToSpectrum(spillover);
  const unmixing = unmixingMatrix(spectrum);
  const detectors = spillover.channels.map((name) => columns.get(name) ?? new Float32Array(0));
  spillover.channels.forEach((name, f) => {
    const out = new Float64Array(input.columns[0].length);
    compensateColumn(unmixing, detectors, f, out);
    columns.set(name, out);
  });
  return columns;
}

/**
 * The sample as `layout` records it. The truth and labels are the sample's own. Throws RangeError when the sample
 * lacks a parameter the layout reads (a cell-cycle tube has no FITC-A).
 */
export function inLayout<Truth>(sample: SimulatedSample<Truth>, layout: InstrumentLayoutName, options: LayoutOptions): LayoutSample<Truth> {
  if (layout === 'cantoII') {
    const channels = options.stainLabels ? sample.input.channels : sample.input.channels.map((c) => ({ ...c, label: null }));
    return { ...sample, input: { ...sample.input, channels }, datatype: 'F' };
  }
  const spec = LAYOUTS[layout];
  const { input } = sample;
  const columns = spec.compensation === 'applied' ? compensatedColumns(input) : new Map(input.channels.map((c, i) => [c.name, input.columns[i]]));
  const labelOf = new Map(input.channels.map((c) => [c.name, c.label ?? null]));
  const column = (name: string) => {
    const found = columns.get(name);
    if (!found) throw new RangeError(`inLayout: the ${layout} layout reads ${name}, which the simulated file does not have`);
    return found;
  };
  const fscA = column('FSC-A');
  const fscH = column('FSC-H');
  const eventCount = fscA.length;
  const channels: ChannelSpec[] = [];
  const out: ArrayLike<number>[] = [];
  for (const parameter of spec.parameters) {
    const source = column(parameter.source);
    const values = spec.datatype === 'F' ? new Float32Array(eventCount) : new Uint16Array(eventCount);
    const share = parameter.share ?? 1;
    for (let e = 0; e < eventCount; e++) {
      const pulse = parameter.height ? fscH[e] / Math.max(fscA[e], 1) : 1;
      values[e] = encode(source[e] * share * pulse, parameter.encoding);
    }
    const stain = options.stainLabels && !parameter.unlabelled ? labelOf.get(parameter.source) ?? null : null;
    channels.push({ name: parameter.name, label: stain, ...encodingSpec(parameter.encoding) });
    out.push(values);
  }
  const keywords: Keywords = { ...input.keywords, $CYT: spec.cytometer };
  delete keywords['APPLY COMPENSATION'];
  const spillover = spec.compensation === 'keep' ? input.spillover ?? null : null;
  return { ...sample, input: { channels, columns: out, keywords, spillover }, datatype: spec.datatype };
}
