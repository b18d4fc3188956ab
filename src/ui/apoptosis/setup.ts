/**
 * From the sample sheet and the guided analysis's choices to the worker request: which samples take part and in
 * which role, the Annexin V and PI channels (the user's pick, else the suggestion), the compensation and the
 * percentile. The request without hand edits keys the run, so the view can say when results are stale.
 */
import type { ChannelSuggestion } from '../../channels/suggest.ts';
import { suggestApoptosisChannels } from '../../apoptosis/channels.ts';
import { twoDyeSpillover, type CompensationChoice, type FluorescenceChannels } from '../../apoptosis/compensation.ts';
import type { ApoptosisSetup } from '../../state/apoptosisSlice.ts';
import { readySummary, type SampleEntry } from '../../state/samplesSlice.ts';
import type { ApoptosisRequest, ApoptosisRequestTube, ChannelSummary, SampleId } from '../../../workers/api.ts';
import { apoptosisRoleOf, inApoptosisAnalysis } from '../../apoptosis/sheetRoles.ts';

/** The samples the sheet puts in the apoptosis assay, in the sample list's order (FMO tubes of larger panels left out). */
export function apoptosisEntries(samples: readonly SampleEntry[]): SampleEntry[] {
  return samples.filter((e) => inApoptosisAnalysis(e.annotation));
}

/** Channels of the first readable apoptosis sample: what the channel pickers offer. */
export function referenceChannels(entries: readonly SampleEntry[]): ChannelSummary[] {
  for (const entry of entries) {
    const summary = readySummary(entry);
    if (summary) return summary.datasets[summary.activeDataset].channels;
  }
  return [];
}

export interface ChannelChoice {
  /** $PnN to analyse, or null when the user must pick. */
  channel: string | null;
  suggestion: ChannelSuggestion;
}

/** The user's pick when the files have it, else the confident suggestion. */
export function chosenChannels(setup: ApoptosisSetup, channels: readonly ChannelSummary[]): { annexin: ChannelChoice; pi: ChannelChoice } {
  const suggestions = suggestApoptosisChannels(channels);
  const names = new Set(channels.map((c) => c.name));
  const pick = (chosen: string | null, suggestion: ChannelSuggestion): ChannelChoice => ({
    channel: chosen !== null && names.has(chosen) ? chosen : suggestion.suggested,
    suggestion,
  });
  return { annexin: pick(setup.annexinChannel, suggestions.annexin), pi: pick(setup.piChannel, suggestions.pi) };
}

export function compensationChoiceOf(setup: ApoptosisSetup, fluorescence: FluorescenceChannels): CompensationChoice {
  switch (setup.compensation) {
    case 'auto':
      return { kind: 'auto' };
    case 'file':
      return { kind: 'file' };
    case 'controls':
      return { kind: 'controls' };
    case 'edited':
      return { kind: 'matrix', matrix: twoDyeSpillover(fluorescence, setup.editedSpill.annexinIntoPi, setup.editedSpill.piIntoAnnexin) };
    case 'none':
      return { kind: 'none' };
    default: {
      const unknown: never = setup.compensation;
      throw new Error(`unknown compensation mode ${String(unknown)}`);
    }
  }
}

/** Hand edits to carry into a new run, per sample (see handEdits in analysisGates.ts). */
export type HandEdits = Record<SampleId, Pick<ApoptosisRequestTube, 'preGates' | 'thresholdOverride'>>;

export type ApoptosisPlan =
  | { ok: true; request: ApoptosisRequest; setupKey: string }
  | { ok: false; problems: string[] };

/** File names, made unique with " (2)", " (3)"… when the same file is open twice. */
function tubeNames(entries: readonly SampleEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const n = (seen.get(e.fileName) ?? 0) + 1;
    seen.set(e.fileName, n);
    return n === 1 ? e.fileName : `${e.fileName} (${n})`;
  });
}

/** The request for the worker, or what keeps the analysis from running, in words. */
export function planApoptosisRun(samples: readonly SampleEntry[], setup: ApoptosisSetup, edits: HandEdits = {}): ApoptosisPlan {
  const entries = apoptosisEntries(samples);
  const ready = entries.filter((e) => e.status.kind === 'ready');
  const loading = entries.filter((e) => e.status.kind === 'loading').length;
  const { annexin, pi } = chosenChannels(setup, referenceChannels(entries));
  const problems = [
    entries.length === 0 ? 'No sample is in the apoptosis assay: add samples below.' : null,
    loading > 0 ? `${loading} ${loading === 1 ? 'file is' : 'files are'} still being read.` : null,
    ready.length === 0 && loading === 0 && entries.length > 0 ? 'None of the apoptosis files could be read.' : null,
    ready.length > 0 && annexin.channel === null ? 'Choose the Annexin V channel.' : null,
    ready.length > 0 && pi.channel === null ? 'Choose the PI channel.' : null,
    annexin.channel !== null && annexin.channel === pi.channel ? 'Annexin V and PI must be read on two different channels.' : null,
    setup.percentile >= 50 && setup.percentile < 100 ? null : 'The percentile must be at least 50 and below 100.',
  ].filter((p): p is string => p !== null);
  if (problems.length > 0 || annexin.channel === null || pi.channel === null) return { ok: false, problems };
  const fluorescence = { annexin: annexin.channel, pi: pi.channel };
  const names = tubeNames(ready);
  const tubes = ready.map((entry, i): ApoptosisRequestTube => ({ sampleId: entry.id, name: names[i], role: apoptosisRoleOf(entry.annotation) }));
  const manualThresholds = setup.manualThresholds ?? {};
  const base = {
    fluorescence, compensation: compensationChoiceOf(setup, fluorescence), percentile: setup.percentile,
    ...(Object.keys(manualThresholds).length > 0 && { manualThresholds }),
  };
  // Another data set of a file is another tube, as far as staleness goes.
  const keyed = tubes.map((tube, i) => ({ ...tube, dataset: readySummary(ready[i])?.activeDataset }));
  return {
    ok: true,
    request: { ...base, tubes: tubes.map((tube) => ({ ...tube, ...edits[tube.sampleId] })) },
    setupKey: JSON.stringify({ ...base, tubes: keyed }),
  };
}
