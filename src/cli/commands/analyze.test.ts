import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFcs } from '../../fcs/write.ts';
import { stringifyGatingStrategy } from '../../gating/strategyJson.ts';
import type { Dimension, GatingStrategy } from '../../gating/types.ts';
import { corpusDir, describeWithCorpus } from '../../testing/corpus.ts';
import { type CapturedRun, runCaptured } from '../runCaptured.fixtures.ts';

function runAnalyze(args: string[]): Promise<CapturedRun> {
  return runCaptured(['analyze', ...args]);
}

const temporary = () => mkdtempSync(join(tmpdir(), 'flowfate-analyze-'));
const x: Dimension = { source: { kind: 'channel', name: 'X' }, compensation: 'uncompensated', transform: null };

/** Ten events with X = 0…9 and a template with a quoted, comma-bearing population id. */
function writeGridSample(dir: string): { fcs: string; template: string } {
  const fcs = join(dir, 'grid tube.fcs');
  writeFileSync(fcs, writeFcs({ channels: [{ name: 'X', range: 1024 }], columns: [Float32Array.from({ length: 10 }, (_, i) => i)] }));
  const strategy: GatingStrategy = {
    version: 1,
    transforms: {},
    ratios: {},
    compensations: {},
    gates: [
      { kind: 'rectangle', id: 'low, "dim"', name: 'Low', parentId: null, bounds: [{ dimension: x, min: null, max: 5 }] },
      { kind: 'rectangle', id: 'tiny', name: 'Tiny', parentId: 'low, "dim"', bounds: [{ dimension: x, min: null, max: 2 }] },
    ],
  };
  const template = join(dir, 'template.json');
  writeFileSync(template, stringifyGatingStrategy(strategy));
  return { fcs, template };
}

describe('flowfate analyze', () => {
  it('writes one summary row per sample × population with hand-counted numbers and quoted fields', async () => {
    const dir = temporary();
    const { fcs, template } = writeGridSample(dir);
    const { status, out, err } = await runAnalyze([fcs, '--gating', template]);
    expect(err).toBe('');
    expect(status).toBe(0);
    // X < 5: 5 of 10; X < 2: 2 of those 5 (40 %), 2 of 10 (20 %).
    expect(out).toBe(
      ['sample,population,parent,count,percent_of_parent,percent_of_total', 'grid tube.fcs,"low, ""dim""",,5,50,50', 'grid tube.fcs,tiny,"low, ""dim""",2,40,20', ''].join('\r\n'),
    );
  });

  it('writes per-event 0/1 membership in file order and the summary to --out', async () => {
    const dir = temporary();
    const { fcs, template } = writeGridSample(dir);
    const { status } = await runAnalyze(['--events', join(dir, 'events'), '--out', join(dir, 'summary.csv'), '--gating', template, fcs]);
    expect(status).toBe(0);
    const lines = readFileSync(join(dir, 'events', 'grid tube.events.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('"low, ""dim""",tiny');
    expect(lines.slice(1)).toEqual(['1,1', '1,1', '1,0', '1,0', '1,0', '0,0', '0,0', '0,0', '0,0', '0,0']);
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8').split('\r\n').length).toBe(4);
  });

  it('reports a missing FCS file, still analyses the others, and exits 1', async () => {
    const dir = temporary();
    const { fcs, template } = writeGridSample(dir);
    const { status, out, err } = await runAnalyze([join(dir, 'missing.fcs'), fcs, '--gating', template]);
    expect(status).toBe(1);
    expect(err).toMatch(/missing\.fcs.*no such file/);
    expect(out.split('\r\n').filter((l) => l.startsWith('grid tube.fcs')).length).toBe(2);
  });

  it('leaves an existing summary as it was when every input fails', async () => {
    const dir = temporary();
    const { template } = writeGridSample(dir);
    const out = join(dir, 'summary.csv');
    writeFileSync(out, 'yesterday,s results\r\n');
    writeFileSync(join(dir, 'notes.fcs'), 'not a cytometry file at all');
    const { status, err } = await runAnalyze([join(dir, 'missing.fcs'), join(dir, 'notes.fcs'), '--gating', template, '--out', out]);
    expect(status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('yesterday,s results\r\n');
    expect(err).toContain(`no results, so "${out}" was not written (a file already there is left as it was).`);
  });

  it('explains gates that do not fit the file', async () => {
    const dir = temporary();
    const { fcs } = writeGridSample(dir);
    const gates = join(dir, 'wrong.json');
    writeFileSync(gates, stringifyGatingStrategy({ version: 1, transforms: {}, ratios: {}, compensations: {}, gates: [{ kind: 'rectangle', id: 'r', name: 'r', parentId: null, bounds: [{ dimension: { ...x, source: { kind: 'channel', name: 'FSC-A' } }, min: 0, max: 1 }] }] }));
    const { status, err } = await runAnalyze([fcs, '--gating', gates]);
    expect(status).toBe(1);
    expect(err).toMatch(/channel "FSC-A".*not in this file.*"X"/);
  });

  it.each([
    [['a.fcs'], /--gating is required/],
    [['--gating', 'g.xml'], /no FCS file given/],
    [['a.fcs', '--gating'], /--gating needs a value/],
    [['a.fcs', '--gating', 'g.xml', '--verbose'], /unknown option --verbose/],
    [['dir1/a.fcs', 'dir2/a.fcs', '--gating', 'g.xml', '--events', 'out'], /both write a.events.csv/],
  ])('rejects %j with usage status 2', async (args, message) => {
    const { status, err } = await runAnalyze(args);
    expect(status).toBe(2);
    expect(err).toMatch(message);
  });

  it('says so when the summary cannot be written', async () => {
    const dir = temporary();
    const { fcs, template } = writeGridSample(dir);
    const { status, err } = await runAnalyze([fcs, '--gating', template, '--out', join(dir, 'no-such-folder', 'summary.csv')]);
    expect(status).toBe(1);
    expect(err).toMatch(/cannot write ".*summary\.csv": the folder ".*no-such-folder" does not exist/);
  });

  it('refuses an invalid gating file with status 1', async () => {
    const dir = temporary();
    const { fcs } = writeGridSample(dir);
    writeFileSync(join(dir, 'bad.xml'), '<not-gating/>');
    const { status, err } = await runAnalyze([fcs, '--gating', join(dir, 'bad.xml')]);
    expect(status).toBe(1);
    expect(err).toMatch(/cannot use the gates in .*bad\.xml.*Gating-ML 2\.0 namespace/);
  });
});

describeWithCorpus('flowfate analyze on the Gating-ML compliance suite', () => {
  const suite = join(corpusDir, 'gatingml', 'gate_ref');
  const truth = (id: string) => readFileSync(join(suite, 'truth', `Results_${id}.txt`), 'utf8').trim().split(/\r?\n/).map((l) => l.trim());

  it('reproduces the expected quadrant memberships as event columns and their counts in the summary', async () => {
    const dir = temporary();
    const { status, out } = await runAnalyze([join(suite, 'data1.fcs'), '--gating', join(suite, 'gml', 'gml_parent_quadrant_rect_gate.xml'), '--events', dir]);
    expect(status).toBe(0);
    const [header, ...rows] = readFileSync(join(dir, 'data1.events.csv'), 'utf8').trimEnd().split('\r\n');
    const ids = header.split(',');
    expect(ids).toEqual(['FL2P-FL4P', 'FL2N-FL4P', 'FL2N-FL4N', 'FL2P-FL4N', 'ParRectangle1']);
    expect(rows.length).toBe(13367);
    const results = { 'FL2P-FL4P': 'FL2P-FL4P', 'FL2N-FL4P': 'FL2N-FL4P', 'FL2N-FL4N': 'FL2N-FL4N', 'FL2P-FL4N': 'FL2P-FL4N', ParRectangle1: 'ParQuadRect' } as const;
    ids.forEach((id, column) => {
      const expected = truth(results[id as keyof typeof results]);
      expect(rows.map((r) => r.split(',')[column])).toEqual(expected);
    });
    const count = (id: keyof typeof results) => truth(results[id]).filter((v) => v === '1').length;
    const summary = Object.fromEntries(out.trim().split('\r\n').slice(1).map((line) => [line.split(',')[1], line.split(',')]));
    expect(Number(summary.ParRectangle1[3])).toBe(count('ParRectangle1'));
    expect(summary.ParRectangle1[2]).toBe('FL2P-FL4P');
    expect(Number(summary.ParRectangle1[4])).toBeCloseTo((100 * count('ParRectangle1')) / count('FL2P-FL4P'), 9);
    expect(Number(summary['FL2N-FL4N'][5])).toBeCloseTo((100 * count('FL2N-FL4N')) / 13367, 9);
  });
});
