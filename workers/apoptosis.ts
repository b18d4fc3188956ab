/**
 * The worker's side of the guided Annexin V/PI analysis: finds the open samples' data sets, checks they share one
 * instrument setup (as `flowfate apoptosis` does), and runs the pure pipeline with the product defaults on scratch
 * sessions, so the samples' own gating stays whatever the UI's gating sync last sent. A tube that cannot take part
 * is listed with why; the others are analysed.
 */
import { SampleSession } from '../src/analysis/sampleSession.ts';
import { setupMismatch } from '../src/apoptosis/channels.ts';
import { analyseApoptosisExperiment, ApoptosisAnalysisError, type ApoptosisTube } from '../src/apoptosis/experiment.ts';
import { DEFAULT_THRESHOLD_RULE } from '../src/apoptosis/thresholds.ts';
import { describeChannel } from '../src/channels/dyes.ts';
import { findScatterChannels, isScatterProblem, type ScatterChannels } from '../src/channels/scatter.ts';
import type { FcsDataset } from '../src/fcs/types.ts';
import type { ApoptosisRequest, ApoptosisRequestTube, ApoptosisRun } from './api.ts';
import type { SampleRegistry } from './sampleRegistry.ts';

interface UsableTube {
  request: ApoptosisRequestTube;
  dataset: FcsDataset;
  scatter: ScatterChannels;
}

/** The tube's data set and scatter channels, or why it cannot take part. */
function usableTube(registry: SampleRegistry, request: ApoptosisRequestTube, fluorescence: ApoptosisRequest['fluorescence']): UsableTube | string {
  const { dataset } = registry.session(request.sampleId);
  const names = new Set(dataset.channels.map((c) => c.name));
  const missing = [fluorescence.annexin, fluorescence.pi].filter((name) => !names.has(name));
  if (missing.length > 0) return `"${request.name}" has no ${missing.join(' or ')} channel; its channels are ${dataset.channels.map(describeChannel).join(', ')}.`;
  const scatter = findScatterChannels(dataset.channels);
  if (isScatterProblem(scatter)) return `"${request.name}" ${scatter.problem}.`;
  return { request, dataset, scatter };
}

/** Runs the analysis; throws ApoptosisAnalysisError (the caller turns it into a Failure) when nothing can be analysed. */
export function analyseOpenSamples(registry: SampleRegistry, request: ApoptosisRequest): ApoptosisRun {
  const usable: UsableTube[] = [];
  const excluded: ApoptosisRun['excluded'] = [];
  for (const tube of request.tubes) {
    const found = usableTube(registry, tube, request.fluorescence);
    if (typeof found === 'string') {
      excluded.push({ sampleId: tube.sampleId, name: tube.name, message: found });
      continue;
    }
    const channels = (u: UsableTube) => ({ name: u.request.name, fluorescence: request.fluorescence, scatter: u.scatter });
    const mismatch = usable[0] ? setupMismatch(channels(found), channels(usable[0])) : null;
    if (mismatch) excluded.push({ sampleId: tube.sampleId, name: tube.name, message: mismatch });
    else usable.push(found);
  }
  const scatter = usable[0]?.scatter;
  if (!scatter) throw new ApoptosisAnalysisError(`No sample can be analysed: ${excluded.map((e) => e.message).join(' ')}`);
  const tubes = usable.map(({ request: tube, dataset }): ApoptosisTube => ({
    name: tube.name,
    role: tube.role,
    session: new SampleSession(dataset),
    ...(tube.preGates && { preGates: tube.preGates }),
    ...(tube.thresholdOverride && { thresholdOverride: tube.thresholdOverride }),
  }));
  const analysis = analyseApoptosisExperiment(tubes, {
    fluorescence: request.fluorescence, scatter, compensation: request.compensation, percentile: request.percentile, thresholdRule: DEFAULT_THRESHOLD_RULE,
    ...(request.manualThresholds && { manualThresholds: request.manualThresholds }),
  });
  const sampleIdOf = new Map(usable.map((u) => [u.request.name, u.request.sampleId]));
  const failed = analysis.failed.flatMap((f) => {
    const sampleId = sampleIdOf.get(f.name);
    return sampleId === undefined ? [] : [{ sampleId, name: f.name, message: f.message }];
  });
  const analysed = new Set(analysis.tubes.map((t) => t.name));
  return {
    analysis, fluorescence: request.fluorescence, scatter,
    sampleIds: Object.fromEntries(usable.filter((u) => analysed.has(u.request.name)).map((u) => [u.request.name, u.request.sampleId])),
    excluded: [...excluded, ...failed],
  };
}
