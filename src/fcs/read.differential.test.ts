import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { corpusDir, describeWithCorpus } from '../testing/corpus.ts';
import { readFcs } from './read.ts';

/** The npm `fcs` package (CommonJS, untyped), used only as an independent oracle. */
interface FcsPackage {
  new (options: { dataFormat: 'asNumber'; eventsToRead: number }, buffer: Buffer): { dataAsNumbers: number[][] | null };
}
const FCS = createRequire(import.meta.url)('fcs') as FcsPackage;

interface Ref {
  datatype?: string;
  channels?: { pnb: string; pnr: string }[];
  offset_discrepancy?: { chosen: string };
}

/**
 * Why npm `fcs` cannot give the right values for a file, or null when it can: it reads one $PnB for all
 * parameters, integers of 16 or 32 bits only, and always trusts the HEADER DATA offsets.
 */
function oracleLimitation(ref: Ref): string | null {
  const widths = new Set(ref.channels?.map((c) => c.pnb.trim()));
  if (widths.size > 1) return 'mixed $PnB';
  if (ref.datatype === 'I' && !widths.has('16') && !widths.has('32')) return `${[...widths][0]}-bit integers`;
  if (ref.offset_discrepancy?.chosen === 'text') return 'wrong HEADER offsets';
  return null;
}

/** npm `fcs` does not mask integers to $PnR (FCS 3.1 §3.3.42), so its values are masked here, by remainder. */
function maskedOracleValue(value: number, range: number, integer: boolean): number {
  if (!integer) return value;
  let power = 1;
  while (power < range) power *= 2;
  return value % power;
}

describeWithCorpus('readFcs agrees with npm fcs on every corpus file it can read', () => {
  const dir = join(corpusDir, 'fcs');
  const files = readdirSync(dir).filter((f) => !f.endsWith('.json')).toSorted();
  const compared: string[] = [];

  for (const name of files) {
    const ref = JSON.parse(readFileSync(join(dir, `${name}.ref.json`), 'utf8')) as Ref;
    const bytes = readFileSync(join(dir, name));
    let rows: number[][] | null = null;
    try {
      rows = new FCS({ dataFormat: 'asNumber', eventsToRead: -1 }, bytes).dataAsNumbers;
    } catch {
      continue;
    }
    const limitation = oracleLimitation(ref);
    if (rows === null || limitation) continue;
    it(name, () => {
      const dataset = readFcs(bytes).datasets[0];
      expect(rows).toHaveLength(dataset.eventCount);
      const mismatches: string[] = [];
      dataset.channels.forEach((channel, c) => {
        const column = dataset.columns[c];
        for (let e = 0; e < dataset.eventCount; e++) {
          const expected = maskedOracleValue(rows[e][c], channel.range, channel.datatype === 'I');
          if (!Object.is(expected, column[e]) && mismatches.length < 3) mismatches.push(`event ${e + 1} ${channel.name}: ${column[e]} vs ${expected}`);
        }
      });
      expect(mismatches).toEqual([]);
    });
    compared.push(name);
  }

  it('compares enough files to mean something', () => expect(compared.length).toBeGreaterThanOrEqual(25));
});
