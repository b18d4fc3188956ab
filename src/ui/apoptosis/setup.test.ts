import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from '../../analysis/sampleSheet.ts';
import type { ApoptosisSetup } from '../../state/apoptosisSlice.ts';
import { createAppStore } from '../../state/store.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { openApoptosisExperiment } from './openExperiment.fixtures.ts';
import { chosenChannels, planApoptosisRun, referenceChannels } from './setup.ts';

const { entries } = openApoptosisExperiment(500);
const defaults: ApoptosisSetup = createAppStore().getState().apoptosisSetup;

function planned(samples: readonly SampleEntry[], setup: Partial<ApoptosisSetup> = {}) {
  const plan = planApoptosisRun(samples, { ...defaults, ...setup });
  if (!plan.ok) throw new Error(plan.problems.join(' '));
  return plan;
}

function problems(samples: readonly SampleEntry[], setup: Partial<ApoptosisSetup> = {}): string[] {
  const plan = planApoptosisRun(samples, { ...defaults, ...setup });
  return plan.ok ? [] : plan.problems;
}

describe('the apoptosis run request', () => {
  it('takes the apoptosis samples with their sheet roles (dose 0 is untreated), the suggested channels and the product defaults', () => {
    const { request } = planned(entries);
    expect(request.fluorescence).toEqual({ annexin: 'FITC-A', pi: 'PE-A' });
    expect(request.compensation).toEqual({ kind: 'auto' });
    expect(request.percentile).toBe(99);
    expect(request.manualThresholds).toBeUndefined();
    expect(request.tubes.slice(0, 4)).toEqual([
      { sampleId: 'sample-1', name: 'AnnV-PI_unstained.fcs', role: 'unstained' },
      { sampleId: 'sample-2', name: 'AnnV-PI_AnnV-only.fcs', role: 'annexinOnly' },
      { sampleId: 'sample-3', name: 'AnnV-PI_PI-only.fcs', role: 'piOnly' },
      { sampleId: 'sample-4', name: 'AnnV-PI_24h_000nM_R1.fcs', role: 'untreated' },
    ]);
    expect(request.tubes[4]).toEqual({ sampleId: 'sample-5', name: 'AnnV-PI_24h_010nM_R1.fcs', role: 'sample' });
  });

  it('says why the channels were suggested, and follows the user where the files have the channel', () => {
    const channels = referenceChannels(entries);
    const choice = chosenChannels(defaults, channels);
    expect(choice.annexin.suggestion.candidates[0].reason).toMatch(/stain name \(\$PnS\) mentions Annexin V/);
    expect(chosenChannels({ ...defaults, piChannel: 'FITC-A' }, channels).pi.channel).toBe('FITC-A');
    expect(chosenChannels({ ...defaults, piChannel: 'APC-A' }, channels).pi.channel).toBe('PE-A');
  });

  it('builds the edited matrix from its two coefficients', () => {
    const { request } = planned(entries, { compensation: 'edited', editedSpill: { annexinIntoPi: 0.2, piIntoAnnexin: 0.01 } });
    expect(request.compensation).toEqual({
      kind: 'matrix',
      matrix: { fluorochromes: ['FITC-A', 'PE-A'], detectors: ['FITC-A', 'PE-A'], coefficients: [[1, 0.2], [0.01, 1]] },
    });
  });

  it('keys the run by its choices, not by hand edits, so results go stale only when the setup changes', () => {
    const key = planned(entries).setupKey;
    const edited = planApoptosisRun(entries, defaults, { 'sample-5': { thresholdOverride: { pi: 10 } } });
    expect(edited.ok && edited.request.tubes[4].thresholdOverride).toEqual({ pi: 10 });
    expect(edited.ok && edited.setupKey).toBe(key);
    expect(planned(entries, { percentile: 99.5 }).setupKey).not.toBe(key);
    expect(planned(entries, { compensation: 'none' }).setupKey).not.toBe(key);
    expect(planned(entries, { manualThresholds: {} }).setupKey).toBe(key);
    const typed = planned(entries, { manualThresholds: { pi: 1200 } });
    expect(typed.request.manualThresholds).toEqual({ pi: 1200 });
    expect(typed.setupKey).not.toBe(key);
    const relabelled = entries.map((e) => (e.id === 'sample-5' && e.annotation ? { ...e, annotation: { ...e.annotation, role: 'piOnly' as const } } : e));
    expect(planned(relabelled).setupKey).not.toBe(key);
  });

  it('names a file opened twice apart, and leaves out samples of the other assay', () => {
    const twice = [...entries, { ...entries[4], id: 'again' }, { ...entries[5], id: 'dna', annotation: { ...emptyAnnotation(), assay: 'cellCycle' as const, doseNm: 0, timeH: 24 } }];
    const names = planned(twice).request.tubes.map((t) => t.name);
    expect(names.filter((n) => n.startsWith('AnnV-PI_24h_010nM_R1.fcs'))).toEqual(['AnnV-PI_24h_010nM_R1.fcs', 'AnnV-PI_24h_010nM_R1.fcs (2)']);
    expect(planned(twice).request.tubes.map((t) => t.sampleId)).not.toContain('dna');
  });

  it('says in words what keeps the analysis from running', () => {
    expect(problems([])).toEqual(['No sample is in the apoptosis assay: add samples below.']);
    expect(problems([{ ...entries[0], status: { kind: 'loading', progress: null } }, ...entries.slice(1)])).toEqual(['1 file is still being read.']);
    expect(problems([{ ...entries[0], status: { kind: 'error', error: { code: 'X', message: 'bad' } } }])).toEqual(['None of the apoptosis files could be read.']);
    expect(problems(entries, { annexinChannel: 'PE-A', piChannel: 'PE-A' })).toEqual(['Annexin V and PI must be read on two different channels.']);
    expect(problems(entries, { percentile: 100 })).toEqual(['The percentile must be at least 50 and below 100.']);
  });
});
