import { createRequire } from 'node:module';
import { readFcs } from '../src/fcs/read.ts';
import type { FcsWriteInput } from '../src/fcs/types.ts';
import { writeFcs, type FcsWriteOptions } from '../src/fcs/write.ts';
import { bytesPerSecond, time, type BenchSuite } from './harness.ts';

/** The npm `fcs` package (CommonJS, untyped): the baseline reader. */
interface FcsPackage {
  new (options: { dataFormat: 'asNumber'; eventsToRead: number }, buffer: Buffer): { dataAsNumbers: number[][] };
}
const FCS = createRequire(import.meta.url)('fcs') as FcsPackage;

const PARAMETERS = 12;

/** Deterministic event values (a fixed LCG), so every run times the same bytes. */
function makeInput(events: number, integer: boolean): FcsWriteInput {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const columns = Array.from({ length: PARAMETERS }, () => {
    const column = new Float32Array(events);
    // Integers use all 16 bits while $PnR is 1024, so the reader must mask (as for Beckman flags).
    for (let i = 0; i < events; i++) column[i] = integer ? next() & 0xffff : (next() / 4294967296) * 262144 - 1000;
    return column;
  });
  const channels = columns.map((_, i) => ({ name: `P${i + 1}`, range: integer ? 1024 : 262144, bits: 16 }));
  return { channels, columns };
}

interface Case {
  name: string;
  events: number;
  options: FcsWriteOptions;
  baseline: boolean;
}

const CASES: Case[] = [
  { name: 'float32 little-endian, 1M x 12', events: 1_000_000, options: { datatype: 'F', byteOrder: 'little' }, baseline: true },
  { name: 'float32 big-endian, 1M x 12', events: 1_000_000, options: { datatype: 'F', byteOrder: 'big' }, baseline: true },
  { name: 'int16 big-endian, $PnR 1024 masking, 1M x 12', events: 1_000_000, options: { datatype: 'I', byteOrder: 'big' }, baseline: true },
  { name: 'float32 little-endian, 5M x 12 (> 99,999,999 bytes)', events: 5_000_000, options: { datatype: 'F', byteOrder: 'little' }, baseline: false },
];

const suite: BenchSuite = async (report) => {
  for (const c of CASES) {
    const input = makeInput(c.events, c.options.datatype === 'I');
    let bytes: Uint8Array = new Uint8Array(0);
    const writing = await time(() => (bytes = writeFcs(input, c.options)), 3, 1);
    report({ suite: 'fcs-write', name: c.name, ...writing, throughput: bytesPerSecond(bytes.length, writing.medianMs), note: `${bytes.length} bytes` });

    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const ours = await time(() => readFcs(buffer), 9, 3);
    if (!c.baseline) {
      report({ suite: 'fcs-parse', name: c.name, ...ours, throughput: bytesPerSecond(bytes.length, ours.medianMs) });
      continue;
    }
    const baseline = await time(() => new FCS({ dataFormat: 'asNumber', eventsToRead: -1 }, buffer), 3, 1);
    report({
      suite: 'fcs-parse',
      name: c.name,
      ...ours,
      baselineMs: baseline.medianMs,
      speedup: baseline.medianMs / ours.medianMs,
      throughput: bytesPerSecond(bytes.length, ours.medianMs),
      note: 'baseline: npm fcs 0.0.7, eventsToRead -1, asNumber',
    });
  }
};

export default suite;
