import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFcs } from './read.ts';
import type { ChannelSpec, FcsWriteInput } from './types.ts';
import { writeFcs, type FcsWriteOptions } from './write.ts';

const DELIMITERS = ['/', '|', '\\', '*', '\f', '!', ',', '\t', '~', ';'];
const INTEGER_BITS = [8, 16, 24, 32, 40, 48, 56, 64];

interface Case {
  input: FcsWriteInput;
  options: Required<FcsWriteOptions>;
}

/** Names and values without leading/trailing whitespace (the reader trims) and without commas (they separate $SPILLOVER). */
const TEXT_PIECES = ['a', 'Z', '0', '7', 'é', 'µ', '😀', '/', '|', '\\', '*', '!', '~', ';', '-', ' ', 'CD4'];
const text = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...TEXT_PIECES), { minLength: min, maxLength: max })
    .map((pieces) => pieces.join('').trim())
    .filter((s) => s.length >= min);

/** Smallest k with 2^k >= range, computed with BigInt as an independent check of the reader's masking. */
function maskedValue(value: number, range: number): number {
  let k = 0n;
  while (2n ** k < BigInt(Math.ceil(range))) k++;
  return Number(BigInt(value) & (2n ** k - 1n));
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    datatype: fc.constantFrom<'F' | 'D' | 'I'>('F', 'D', 'I'),
    byteOrder: fc.constantFrom<'little' | 'big'>('little', 'big'),
    version: fc.constantFrom<'3.1' | '3.0'>('3.1', '3.0'),
    delimiter: fc.constantFrom(...DELIMITERS),
    dataOffsetsInTextOnly: fc.boolean(),
    channelCount: fc.integer({ min: 1, max: 6 }),
    eventCount: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 41, max: 2000 })),
    extraKeywords: fc.dictionary(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/), text(1, 3000), { maxKeys: 8 }),
    seed: fc.integer(),
  })
  .chain((shape) =>
    fc
      .record({
        names: fc.uniqueArray(text(1, 20), { minLength: shape.channelCount, maxLength: shape.channelCount }),
        labels: fc.array(fc.option(text(1, 30), { nil: null }), { minLength: shape.channelCount, maxLength: shape.channelCount }),
        bits: fc.array(fc.constantFrom(...INTEGER_BITS), { minLength: shape.channelCount, maxLength: shape.channelCount }),
        rangeFractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: shape.channelCount, maxLength: shape.channelCount }),
        values: fc.array(fc.array(fc.double(), { minLength: shape.eventCount, maxLength: shape.eventCount }), {
          minLength: shape.channelCount,
          maxLength: shape.channelCount,
        }),
        spillSize: fc.integer({ min: 0, max: shape.channelCount }),
        // -0 is written as "0" (the same coefficient), so only +0 is generated.
        spillValues: fc.array(fc.double({ min: -10, max: 10, noNaN: true }).map((v) => v + 0), { minLength: 36, maxLength: 36 }),
      })
      .map((parts): Case => {
        const channels: ChannelSpec[] = parts.names.map((name, c) => {
          const bits = shape.datatype === 'I' ? parts.bits[c] : undefined;
          // Integer ranges span 1..2^bits so that masking is exercised; float ranges are any positive number.
          const range = bits ? Math.max(1, Math.round(parts.rangeFractions[c] * 2 ** Math.min(bits, 53))) : 1 + parts.rangeFractions[c] * 1e6;
          return { name, label: parts.labels[c], range, bits };
        });
        const columns = parts.values.map((column, c) => {
          const bits = channels[c].bits;
          if (!bits) return column;
          const limit = 2 ** Math.min(bits, 53);
          return column.map((v) => (Number.isFinite(v) ? Math.floor(Math.abs(v) % limit) : 0));
        });
        const spillChannels = parts.names.slice(0, parts.spillSize);
        const spillover =
          spillChannels.length > 0
            ? { channels: spillChannels, matrix: spillChannels.map((_, i) => spillChannels.map((__, j) => parts.spillValues[i * 6 + j])), source: 'test' }
            : null;
        return {
          input: { channels, columns, keywords: shape.extraKeywords, spillover },
          options: { datatype: shape.datatype, byteOrder: shape.byteOrder, version: shape.version, delimiter: shape.delimiter, dataOffsetsInTextOnly: shape.dataOffsetsInTextOnly },
        };
      }),
  );

function expectedColumn(values: number[], spec: ChannelSpec, datatype: 'F' | 'D' | 'I'): number[] {
  switch (datatype) {
    case 'F':
      return values.map(Math.fround);
    case 'D':
      return values;
    case 'I':
      return values.map((v) => maskedValue(v, spec.range));
  }
}

describe('writeFcs then readFcs', () => {
  it('gives back every value, channel, keyword and spillover entry exactly, with no warnings', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ input, options }) => {
        const file = readFcs(writeFcs(input, options));
        expect(file.datasets).toHaveLength(1);
        const [dataset] = file.datasets;
        expect(dataset.version).toBe(options.version);
        expect(dataset.datatype).toBe(options.datatype);
        expect(dataset.byteOrder).toBe(options.byteOrder);
        expect(dataset.eventCount).toBe(input.columns[0].length);
        expect(dataset.channels.map((c) => [c.name, c.label, c.range])).toEqual(input.channels.map((c) => [c.name, c.label ?? null, c.range]));
        input.channels.forEach((spec, c) => {
          expect(Array.from(dataset.columns[c]), spec.name).toEqual(expectedColumn(Array.from(input.columns[c]), spec, options.datatype));
          if (options.datatype === 'I') expect(dataset.channels[c].bits).toBe(spec.bits);
        });
        for (const [key, value] of Object.entries(input.keywords ?? {})) expect(dataset.keywords[key]).toBe(value);
        expect(dataset.spillover?.channels ?? null).toEqual(input.spillover?.channels ?? null);
        expect(dataset.spillover?.matrix ?? null).toEqual(input.spillover?.matrix ?? null);
        const masked = options.datatype === 'I' && input.channels.some((spec, c) => Array.from(input.columns[c]).some((v) => maskedValue(v, spec.range) !== v));
        expect(dataset.warnings.map((w) => w.code)).toEqual(masked ? ['BITS_MASKED'] : []);
      }),
      { numRuns: 200 },
    );
  });
});
