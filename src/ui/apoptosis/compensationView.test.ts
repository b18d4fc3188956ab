import { describe, expect, it } from 'vitest';
import type { ApoptosisSetup } from '../../state/apoptosisSlice.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { createAppStore } from '../../state/store.ts';
import { analyseOpenSamples } from '../../../workers/apoptosis.fixtures.ts';
import { shownMatrix, spillOfFile } from './compensationView.ts';
import { openApoptosisExperiment } from './openExperiment.fixtures.ts';
import { planApoptosisRun } from './setup.ts';

const FLUORESCENCE = { annexin: 'FITC-A', pi: 'PE-A' };
const { registry, entries } = openApoptosisExperiment(2000);
const defaults: ApoptosisSetup = createAppStore().getState().apoptosisSetup;
const setup = (change: Partial<ApoptosisSetup>): ApoptosisSetup => ({ ...defaults, ...change });

function withoutSpillover(entry: SampleEntry): SampleEntry {
  if (entry.status.kind !== 'ready') return entry;
  const { summary } = entry.status;
  return { ...entry, status: { kind: 'ready', summary: { ...summary, datasets: summary.datasets.map((d) => ({ ...d, spillover: null })) } } };
}

describe('the compensation step', () => {
  it("shows the file's two spill coefficients and says every file is covered", () => {
    const shown = shownMatrix(setup({ compensation: 'file' }), entries, FLUORESCENCE, null);
    const first = entries[0].status.kind === 'ready' ? entries[0].status.summary.datasets[0].spillover : null;
    expect(shown).toEqual({ kind: 'matrix', spill: spillOfFile(first, FLUORESCENCE), source: 'AnnV-PI_unstained.fcs ($SPILLOVER)', status: 'All 13 files carry a spillover matrix for FITC-A and PE-A; each file is compensated with its own.' });
    expect(spillOfFile(first, FLUORESCENCE)?.annexinIntoPi).toBeGreaterThan(0.05);
    expect(spillOfFile(first, { annexin: 'FITC-A', pi: 'APC-A' })).toBeNull();
  });

  it('names the files that have no matrix, and says when none has one', () => {
    const someMissing = entries.map((e, i) => (i === 0 || i === 5 ? withoutSpillover(e) : e));
    const shown = shownMatrix(setup({ compensation: 'file' }), someMissing, FLUORESCENCE, null);
    expect(shown).toMatchObject({ kind: 'matrix', source: 'AnnV-PI_AnnV-only.fcs ($SPILLOVER)', status: '2 of 13 files have no spillover matrix for FITC-A and PE-A and will be analysed uncompensated: AnnV-PI_unstained.fcs, AnnV-PI_24h_020nM_R1.fcs.' });
    expect(shownMatrix(setup({ compensation: 'file' }), entries.map(withoutSpillover), FLUORESCENCE, null)).toMatchObject({ kind: 'note', status: expect.stringMatching(/^None of the files carries a spillover matrix/) });
  });

  it('tells which controls the matrix will be measured on, then shows what the run measured', async () => {
    expect(shownMatrix(setup({ compensation: 'controls' }), entries, FLUORESCENCE, null)).toEqual({ kind: 'note', status: 'Measured on AnnV-PI_AnnV-only.fcs and AnnV-PI_PI-only.fcs when you run the analysis.' });
    expect(shownMatrix(setup({ compensation: 'controls' }), entries.filter((e) => e.fileName !== 'AnnV-PI_PI-only.fcs'), FLUORESCENCE, null)).toMatchObject({ status: expect.stringMatching(/^Mark an Annexin V-only and a PI-only control/) });
    const plan = planApoptosisRun(entries, setup({ compensation: 'controls' }));
    if (!plan.ok) throw new Error(plan.problems.join(' '));
    const run = await analyseOpenSamples(registry, plan.request);
    const computed = run.analysis.computedSpillover;
    if (!computed?.ok) throw new Error('the controls gave no matrix');
    expect(shownMatrix(setup({ compensation: 'controls' }), entries, FLUORESCENCE, run)).toMatchObject({
      kind: 'matrix',
      spill: { annexinIntoPi: computed.matrix.coefficients[0][1], piIntoAnnexin: computed.matrix.coefficients[1][0] },
    });
    expect(computed.matrix.coefficients[0][1]).toBeGreaterThan(0.05);
  });

  it('automatically: the files\' own matrices when all have one, else says the single stains will measure one, then shows it', () => {
    expect(shownMatrix(setup({ compensation: 'auto' }), entries, FLUORESCENCE, null)).toEqual(shownMatrix(setup({ compensation: 'file' }), entries, FLUORESCENCE, null));
    const none = entries.map(withoutSpillover);
    expect(shownMatrix(setup({ compensation: 'auto' }), none, FLUORESCENCE, null)).toMatchObject({ kind: 'note', status: expect.stringMatching(/will be measured on the single-stain controls when you run/) });
    const noSingleStains = none.filter((e) => !/only/.test(e.fileName));
    expect(shownMatrix(setup({ compensation: 'auto' }), noSingleStains, FLUORESCENCE, null)).toMatchObject({ kind: 'note', status: expect.stringMatching(/no single-stain controls to measure one/) });
  });

  it('shows the edited coefficients, and warns in words when nothing is compensated', () => {
    const editedSpill = { annexinIntoPi: 0.2, piIntoAnnexin: 0.01 };
    expect(shownMatrix(setup({ compensation: 'edited', editedSpill }), entries, FLUORESCENCE, null)).toMatchObject({ kind: 'matrix', spill: editedSpill, source: 'edited by you' });
    expect(shownMatrix(setup({ compensation: 'none' }), entries, FLUORESCENCE, null)).toMatchObject({ kind: 'note', status: expect.stringMatching(/falsely PI-positive/) });
  });
});
