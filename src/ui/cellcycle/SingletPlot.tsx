import type { ChannelRef, SampleId } from '../../../workers/api.ts';
import { DensityPlot, type PlotScales } from '../../plots/DensityPlot.tsx';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import { useLinearAxis } from './useLinearAxis.ts';

/** FlowJo-like resolution: 256 bins per axis. */
const DENSITY_BINS = 256;
const keepSelecting = () => undefined;

interface SingletPlotProps {
  sampleId: SampleId;
  datasetKey: string;
  fileName: string;
  dna: ChannelRef;
  pulse: ChannelRef;
  display(channel: string): string;
}

/** DNA area vs pulse width (or height) of every event, with the singlet band as an editable gate. */
export function SingletPlot({ sampleId, datasetKey, fileName, dna, pulse, display }: SingletPlotProps) {
  const x = useLinearAxis(sampleId, datasetKey, dna);
  const y = useLinearAxis(sampleId, datasetKey, pulse);
  const density = useWorkerQuery(x && y ? JSON.stringify(['density', datasetKey, x, y]) : null, (worker) =>
    worker.density({ sampleId, population: null, x: x!, y: y!, bins: DENSITY_BINS }),
  );
  if (!x || !y) return null;
  const overlay = (scales: PlotScales) => (
    <GateOverlay sampleId={sampleId} population={null} x={x} y={y} scales={scales} tool="select" onToolChange={keepSelecting} channelLabel={display} />
  );
  return (
    <div className="plot-card">
      <h3>Singlets</h3>
      {density.error && (
        <p role="alert" className="error">
          {density.error}
        </p>
      )}
      <DensityPlot
        label={`${display(dna.channel)} vs ${display(pulse.channel)} of ${fileName}`}
        grid={density.data}
        x={x}
        y={y}
        xLabel={display(dna.channel)}
        yLabel={display(pulse.channel)}
        overlay={overlay}
      />
      <p className="hint">Drag the band or its corners; doublets (longer pulses, or lower height, for their DNA) lie outside it.</p>
    </div>
  );
}
