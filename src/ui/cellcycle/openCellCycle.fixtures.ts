/**
 * Demo PI-DNA tubes open as the app holds them: a worker-side registry of sessions and the store's sample entries
 * (ready, annotated from the demo's sheet), so the view's pure modules are tested on what they really receive.
 */
import { readFcs } from '../../fcs/read.ts';
import { writeFcs } from '../../fcs/write.ts';
import { demoAnnotation, demoExperiment, simulateDemoFile } from '../../simulate/experiment.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { SampleRegistry } from '../../../workers/sampleRegistry.ts';

export interface OpenTubes {
  registry: SampleRegistry;
  entries: SampleEntry[];
}

/** The 24 h PI-DNA tubes of the first replicate culture at the given doses, opened in list order. */
export function openCellCycleTubes(doses: readonly number[], eventCount = 8000): OpenTubes {
  const registry = new SampleRegistry();
  const specs = demoExperiment().files.filter((f) => f.assay === 'cellCycle' && f.timeH === 24 && f.replicate === 1 && doses.includes(f.doseNm));
  const entries = specs.map((spec, i): SampleEntry => {
    const id = `sample-${i + 1}`;
    const file = readFcs(writeFcs(simulateDemoFile({ ...spec, eventCount }).input), { fileName: spec.fileName });
    const summary = registry.add(id, spec.fileName, 0, '00000000', file);
    return { id, fileName: spec.fileName, byteLength: 0, source: { kind: 'file' }, status: { kind: 'ready', summary }, annotation: demoAnnotation(spec) };
  });
  return { registry, entries };
}
