/**
 * The demo's apoptosis tubes open as the app holds them: a worker-side registry of sessions and the store's sample
 * entries (ready, annotated from the manifest), so the UI's pure modules are tested on what they really receive.
 */
import { simulatedExperiment } from '../../apoptosis/simulatedExperiment.fixtures.ts';
import { demoAnnotation } from '../../simulate/experiment.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { SampleRegistry } from '../../../workers/sampleRegistry.ts';

export interface OpenExperiment {
  registry: SampleRegistry;
  entries: SampleEntry[];
}

export function openApoptosisExperiment(eventCount = 3000): OpenExperiment {
  const registry = new SampleRegistry();
  const entries = simulatedExperiment({ eventCount }).map(({ tube, spec }, i): SampleEntry => {
    const id = `sample-${i + 1}`;
    const summary = registry.add(id, spec.fileName, 0, '00000000', { datasets: [tube.session.dataset] });
    return {
      id,
      fileName: spec.fileName,
      byteLength: 0,
      source: { kind: 'file' },
      status: { kind: 'ready', summary },
      annotation: demoAnnotation(spec),
    };
  });
  return { registry, entries };
}
