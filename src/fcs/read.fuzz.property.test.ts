import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusDir, describeWithCorpus } from '../testing/corpus.ts';
import { FcsError } from './errors.ts';
import { readFcs } from './read.ts';
import { writeFcs } from './write.ts';

type Mutation =
  | { kind: 'truncate'; fraction: number }
  | { kind: 'flipBytes'; inTextOnly: boolean; edits: { fraction: number; value: number }[] }
  | { kind: 'headerOffset'; field: number; value: number }
  | { kind: 'keyword'; key: string; value: string };

/** Keywords whose lies can make a naive reader hang, allocate gigabytes or read out of bounds. */
const STRUCTURAL_KEYWORDS = ['$TOT', '$PAR', '$BEGINDATA', '$ENDDATA', '$NEXTDATA', '$P1B', '$P2B', '$P1R', '$BEGINSTEXT', '$ENDSTEXT', '$BEGINANALYSIS', '$ENDANALYSIS', '$BYTEORD', '$DATATYPE', '$MODE', '$SPILLOVER', 'SPILL'];

/** Uniform in [0, 1]: fast-check's doubles favour tiny values, which would put every cut inside the HEADER. */
const uniformFraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), fraction: uniformFraction }),
  fc.record({
    kind: fc.constant('flipBytes' as const),
    inTextOnly: fc.boolean(),
    edits: fc.array(fc.record({ fraction: uniformFraction, value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('headerOffset' as const), field: fc.integer({ min: 0, max: 5 }), value: fc.oneof(fc.integer({ min: 0, max: 99_999_999 }), fc.constant(0)) }),
  fc.record({
    kind: fc.constant('keyword' as const),
    key: fc.constantFrom(...STRUCTURAL_KEYWORDS),
    value: fc.oneof(
      fc.constantFrom('999999999999', '0', '-1', '4294967296', '99999999', '', 'x', '1e308', '3,4,1,2', '64', '7', 'C', '2,A,B,1'),
      fc.integer({ min: 0, max: 2 ** 40 }).map(String),
    ),
  }),
);

function latin1(bytes: Uint8Array, end: number): string {
  let text = '';
  for (let i = 0; i < end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

function textEnd(bytes: Uint8Array): number {
  const parsed = Number(latin1(bytes.subarray(18, 26), 8).trim());
  return Number.isInteger(parsed) && parsed > 0 ? Math.min(parsed, bytes.length - 1) : Math.min(bytes.length - 1, 4096);
}

function mutate(original: Uint8Array, mutation: Mutation): Uint8Array {
  switch (mutation.kind) {
    case 'truncate':
      return original.slice(0, Math.floor(original.length * mutation.fraction));
    case 'flipBytes': {
      const bytes = original.slice();
      const span = mutation.inTextOnly ? textEnd(bytes) + 1 : bytes.length;
      // Bytes 0-5 ("FCS3.1") are left alone: a broken magic number only tests the first check.
      for (const edit of mutation.edits) bytes[6 + Math.floor(edit.fraction * Math.max(0, span - 7))] = edit.value;
      return bytes;
    }
    case 'headerOffset': {
      const bytes = original.slice();
      const text = String(mutation.value).padStart(8, ' ');
      for (let i = 0; i < 8; i++) bytes[10 + mutation.field * 8 + i] = text.charCodeAt(i);
      return bytes;
    }
    case 'keyword': {
      const end = textEnd(original) + 1;
      const text = latin1(original, end);
      const delimiter = text[58] ?? '/';
      const at = text.toUpperCase().indexOf(`${delimiter}${mutation.key}${delimiter}`);
      if (at < 0) return original;
      const valueStart = at + mutation.key.length + 2;
      const valueEnd = text.indexOf(delimiter, valueStart);
      if (valueEnd < 0) return original;
      const replacement = Uint8Array.from(mutation.value, (ch) => ch.charCodeAt(0));
      const out = new Uint8Array(original.length - (valueEnd - valueStart) + replacement.length);
      out.set(original.subarray(0, valueStart));
      out.set(replacement, valueStart);
      out.set(original.subarray(valueEnd), valueStart + replacement.length);
      return out;
    }
  }
}

/** A result must be self-consistent and bounded by the file size; a failure must be a plain FcsError, never an internal one. */
function expectResultOrCleanError(bytes: Uint8Array): void {
  let file;
  try {
    file = readFcs(bytes, { fileName: 'mutated.fcs' });
  } catch (error) {
    expect(error).toBeInstanceOf(FcsError);
    expect((error as FcsError).code).not.toBe('INTERNAL');
    expect((error as FcsError).message).toMatch(/^Cannot read "mutated.fcs": .+\.$/);
    return;
  }
  let decodedBytes = 0;
  for (const dataset of file.datasets) {
    expect(dataset.columns).toHaveLength(dataset.channels.length);
    for (const column of dataset.columns) {
      expect(column.length).toBe(dataset.eventCount);
      decodedBytes += column.byteLength;
    }
  }
  // Columns widen at most 8x (1-byte or 1-character values into float64): no allocation beyond the file's size allows.
  expect(decodedBytes).toBeLessThanOrEqual(8 * bytes.length);
}

function fuzz(files: Uint8Array[], numRuns: number): void {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), (pick, mutations) => {
      expectResultOrCleanError(mutations.reduce(mutate, files[pick]));
    }),
    { numRuns },
  );
}

describe('readFcs on mutated writer output', () => {
  it('returns a consistent result or a clean FcsError', { timeout: 120_000 }, () => {
    const columns = [Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8)];
    const channels = [{ name: 'FSC-A', range: 1024, bits: 16 }, { name: 'PI', range: 1024, bits: 16 }];
    const spillover = { channels: ['FSC-A', 'PI'], matrix: [[1, 0.1], [0, 1]], source: 'test' };
    const files = [
      writeFcs({ channels, columns, spillover }, { datatype: 'I', byteOrder: 'big' }),
      writeFcs({ channels, columns, spillover }, { datatype: 'D', delimiter: '\\' }),
      writeFcs({ channels, columns }, { datatype: 'F', dataOffsetsInTextOnly: true }),
    ];
    fuzz(files, 3000);
  });
});

describeWithCorpus('readFcs on mutated corpus files', () => {
  it('returns a consistent result or a clean FcsError for truncation, flipped bytes, lying offsets, $TOT and $PAR', { timeout: 300_000 }, () => {
    const dir = join(corpusDir, 'fcs');
    const files = readdirSync(dir)
      .filter((f) => !f.endsWith('.json'))
      .toSorted()
      .map((f) => new Uint8Array(readFileSync(join(dir, f))));
    fuzz(files, 1500);
  });
});
