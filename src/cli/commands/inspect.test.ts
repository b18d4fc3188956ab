import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFcs } from '../../fcs/read.ts';
import { writeFcs } from '../../fcs/write.ts';
import { corpusDir, describeWithCorpus } from '../../testing/corpus.ts';
import { type CapturedRun, runCaptured } from '../runCaptured.fixtures.ts';

function runInspect(args: string[]): Promise<CapturedRun> {
  return runCaptured(['inspect', ...args]);
}

function writeSample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowfate-inspect-'));
  const path = join(dir, 'sample.fcs');
  const bytes = writeFcs(
    {
      channels: [
        { name: 'FL1-A', label: 'Annexin V', range: 1024, bits: 16 },
        { name: 'FL3-A', range: 1024, bits: 16, amplification: [4, 1] },
      ],
      columns: [Uint16Array.of(1, 2, 3, 4, 5, 6, 7), Uint16Array.of(10, 20, 30, 40, 50, 60, 70)],
      spillover: { channels: ['FL1-A', 'FL3-A'], matrix: [[1, 0.1], [0.02, 1]], source: 'test' },
    },
    { datatype: 'I', byteOrder: 'big' },
  );
  writeFileSync(path, bytes);
  return path;
}

describe('flowfate inspect --json', () => {
  it('describes each data set, channel, sample events and spillover with hand-checked values', async () => {
    const path = writeSample();
    const { status, out } = await runInspect([path, '--json']);
    expect(status).toBe(0);
    const [entry] = JSON.parse(out);
    expect(entry.file).toBe(path);
    const [dataset] = entry.datasets;
    expect(dataset).toMatchObject({ index: 1, version: '3.1', datatype: 'I', byteOrder: 'big', events: 7 });
    expect(dataset.channels[0]).toEqual({
      index: 1, name: 'FL1-A', label: 'Annexin V', bits: 16, range: 1024, amplification: [0, 0], gain: 1,
      raw: { min: 1, max: 7, mean: 4 },
    });
    expect(dataset.channels[1]).toMatchObject({ label: null, amplification: [4, 1], raw: { min: 10, max: 70, mean: 40 } });
    expect(dataset.head).toEqual([[1, 10], [2, 20], [3, 30]]);
    expect(dataset.tail).toEqual([[5, 50], [6, 60], [7, 70]]);
    expect(dataset.spillover).toEqual({ channels: ['FL1-A', 'FL3-A'], matrix: [[1, 0.1], [0.02, 1]] });
    expect(dataset.warnings).toEqual([]);
  });

  it('reports an unreadable file as an error entry and exits 1, still describing the other files', async () => {
    const good = writeSample();
    const missing = join(tmpdir(), 'flowfate-no-such-file.fcs');
    const { status, out } = await runInspect(['--json', good, missing]);
    expect(status).toBe(1);
    const entries = JSON.parse(out);
    expect(entries).toHaveLength(2);
    expect(entries[0].datasets).toHaveLength(1);
    expect(entries[1]).toEqual({ file: missing, error: { code: 'FILE_UNREADABLE', message: `Cannot open "${missing}": no such file.` } });
  });

  it('reads a file of many chunks in one pass with the same min, max, mean (summed in event order) and events as its columns', async () => {
    const events = 150_000;
    const columns = [0, 1, 2, 3].map((c) => Float32Array.from({ length: events }, (_, i) => Math.sin(i * (c + 1)) * 1e5 + i / 7));
    const bytes = writeFcs({ channels: columns.map((_, c) => ({ name: `P${c + 1}`, range: 262144 })), columns });
    const path = join(mkdtempSync(join(tmpdir(), 'flowfate-inspect-')), 'big.fcs');
    writeFileSync(path, bytes);
    const [dataset] = JSON.parse((await runInspect([path, '--json'])).out)[0].datasets;
    const decoded = readFcs(bytes).datasets[0].columns;
    decoded.forEach((column, c) => {
      let [min, max, sum] = [Infinity, -Infinity, 0];
      for (const v of column) [min, max, sum] = [Math.min(min, v), Math.max(max, v), sum + v];
      expect(dataset.channels[c].raw).toEqual({ min, max, mean: sum / events });
    });
    expect(dataset.head).toEqual([0, 1, 2].map((e) => decoded.map((column) => column[e])));
    expect(dataset.tail).toEqual([events - 3, events - 2, events - 1].map((e) => decoded.map((column) => column[e])));
  });

  it('exits 2 with the usage on a missing file argument or an unknown option', async () => {
    expect((await runInspect(['--json'])).status).toBe(2);
    const unknown = await runInspect(['--xml', 'a.fcs']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('unknown option --xml');
  });

  it('shows control characters from keyword values as escapes, never as terminal commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowfate-inspect-'));
    const path = join(dir, 'escapes.fcs');
    const label = 'PI\u001b]0;owned\u0007\u001b[2J\u009b31m\u202egnp.';
    writeFileSync(path, writeFcs({ channels: [{ name: 'FL2-A', label, range: 1024 }], columns: [Float32Array.of(1, 2)] }));
    const text = await runInspect([path]);
    expect(text.out).toContain('FL2-A (PI\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\\u202egnp.)');
    const json = await runInspect([path, '--json']);
    // oxlint-disable-next-line no-control-regex
    for (const printed of [text.out, json.out]) expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json.out)[0].datasets[0].channels[0].label).toBe(label);
  });

  it('prints a readable summary without --json', async () => {
    const { status, out } = await runInspect([writeSample()]);
    expect(status).toBe(0);
    expect(out).toContain('FCS 3.1, $DATATYPE I, big-endian, 7 events, 2 channels');
    expect(out).toContain('FL1-A (Annexin V)  16 bits, range 1024; raw min 1, max 7, mean 4');
  });
});

describeWithCorpus('flowfate inspect on corpus files', () => {
  const fcsDir = join(corpusDir, 'fcs');

  it('lists both data sets of a Beckman LMD file and marks the full-resolution one as default in the summary', async () => {
    const path = join(fcsDir, 'flowio--Beckman-Cytomics-FC500--coulter.lmd');
    const json = JSON.parse((await runInspect([path, '--json'])).out);
    expect(json[0].datasets.map((d: { version: string; events: number }) => [d.version, d.events])).toEqual([['2.0', 18110], ['3.0', 18110]]);
    expect((await runInspect([path])).out).toContain('data set 2 of 2 (default): FCS 3.0');
  });

  it('gives a truncated file an error naming the file, with exit status 1', async () => {
    const path = join(fcsDir, 'fcsparser--Cytek-Aurora--sample_header_truncated.fcs');
    const { status, out } = await runInspect([path, '--json']);
    expect(status).toBe(1);
    const [entry] = JSON.parse(out);
    expect(entry.error.code).toBe('TRUNCATED');
    expect(entry.error.message).toContain(path);
  });
});
