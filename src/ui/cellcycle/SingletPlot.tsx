import { useMemo } from 'react';
import type { ChannelRef, SampleId } from '../../../workers/api.ts';
import { DensityPlot, type PlotScales } from '../../plots/DensityPlot.tsx';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import { PLOT_WIDTH, pulseAxisMax } from './displayRange.ts';
import { useLinearAxis } from './useLinearAxis.ts';

/** FlowJo-like resolution: 256 bins per axis. */
const DENSITY_BINS = 256;
const PLOT_HEIGHT = 380;
const keepSelecting = () => undefined;

interface SingletPlotProps {
  sampleId: SampleId;
  datasetKey: string;
  fileName: string;
  dna: ChannelRef;
  pulse: ChannelRef;
  /** Top of the DNA axis drawn (null: the whole channel), and the suggested band that sets the pulse axis's top. */
  dnaMax: number | null;
  band: readonly (readonly [number, number])[] | null;
  display(channel: string): string;
}

/** DNA area vs pulse width (or height) of every event, with the singlet band as an editable gate. */
export function SingletPlot({ sampleId, datasetKey, fileName, dna, pulse, dnaMax, band, display }: SingletPlotProps) {
  const dnaChannel = useLinearAxis(sampleId, datasetKey, dna);
  const pulseChannel = useLinearAxis(sampleId, datasetKey, pulse);
  const x = useMemo(() => dnaChannel && { ...dnaChannel, domain: [0, dnaMax ?? dnaChannel.domain[1]] as [number, number] }, [dnaChannel, dnaMax]);
  const y = useMemo(
    () => pulseChannel && x && { ...pulseChannel, domain: [0, pulseAxisMax(band, x.domain[1], pulseChannel.domain[1])] as [number, number] },
    [pulseChannel, x, band],
  );
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
        width={PLOT_WIDTH}
        height={PLOT_HEIGHT}
      />
      <p className="hint">Drag the band or its corners; doublets (longer pulses, or lower height, for their DNA) lie outside it.</p>
    </div>
  );
}
