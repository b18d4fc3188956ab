/**
 * The worker's side of the guided Annexin V/PI analysis: finds the open samples' data sets, checks they share one
 * instrument setup (as `flowfate apoptosis` does), and runs the pure pipeline with the product defaults on scratch
 * sessions, so the samples' own gating stays whatever the UI's gating sync last sent.
 */
import { SampleSession } from '../src/analysis/sampleSession.ts';
import { findScatterChannels, type ScatterChannels, setupMismatch } from '../src/apoptosis/channels.ts';
import { analyseApoptosisExperiment, ApoptosisAnalysisError, type ApoptosisTube } from '../src/apoptosis/experiment.ts';
import { DEFAULT_THRESHOLD_RULE } from '../src/apoptosis/thresholds.ts';
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
  if (missing.length > 0) return `"${request.name}" has no ${missing.join(' or ')} channel; its channels are ${dataset.channels.map((c) => c.name).join(', ')}.`;
  try {
    return { request, dataset, scatter: findScatterChannels(dataset.channels) };
  } catch (error) {
    if (error instanceof RangeError) return `"${request.name}": ${error.message}.`;
    throw error;
  }
}

/** Runs the analysis; throws ApoptosisAnalysisError or RangeError (the caller turns them into a Failure). */
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
  });
  return { analysis, fluorescence: request.fluorescence, scatter, sampleIds: Object.fromEntries(usable.map((u) => [u.request.name, u.request.sampleId])), excluded };
}
