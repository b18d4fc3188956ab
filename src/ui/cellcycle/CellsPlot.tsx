import type { ChannelRef, SampleId } from '../../../workers/api.ts';
import { GatedDensity } from './GatedDensity.tsx';
import { useLinearAxis } from './useLinearAxis.ts';

interface CellsPlotProps {
  sampleId: SampleId;
  datasetKey: string;
  fileName: string;
  fsc: ChannelRef;
  ssc: ChannelRef;
  display(channel: string): string;
}

/** FSC-A vs SSC-A of every event, with the cells gate that keeps debris out of the singlet gate. */
export function CellsPlot({ sampleId, datasetKey, fileName, fsc, ssc, display }: CellsPlotProps) {
  const x = useLinearAxis(sampleId, datasetKey, fsc);
  const y = useLinearAxis(sampleId, datasetKey, ssc);
  if (!x || !y) return null;
  return (
    <GatedDensity sampleId={sampleId} datasetKey={datasetKey} population={null} populationName={fileName} x={x} y={y} display={display} title="Cells">
      <p className="hint">Debris (small in both scatters) lies below the gate; drag its corners to adjust it.</p>
    </GatedDensity>
  );
}
