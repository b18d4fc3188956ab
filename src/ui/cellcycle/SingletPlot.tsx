import { useMemo } from 'react';
import type { PopulationId } from '../../gating/types.ts';
import type { ChannelRef, SampleId } from '../../../workers/api.ts';
import { pulseAxisMax } from './displayRange.ts';
import { GatedDensity } from './GatedDensity.tsx';
import { useLinearAxis } from './useLinearAxis.ts';

interface SingletPlotProps {
  sampleId: SampleId;
  datasetKey: string;
  /** The cells the singlet gate starts from (null: every event), and how the plot names them. */
  population: PopulationId | null;
  populationName: string;
  dna: ChannelRef;
  pulse: ChannelRef;
  /** Top of the DNA axis drawn (null: the whole channel), and the suggested band that sets the pulse axis's top. */
  dnaMax: number | null;
  band: readonly (readonly [number, number])[] | null;
  display(channel: string): string;
}

/** DNA area vs pulse width (or height), with the singlet band as an editable gate. */
export function SingletPlot({ sampleId, datasetKey, population, populationName, dna, pulse, dnaMax, band, display }: SingletPlotProps) {
  const dnaChannel = useLinearAxis(sampleId, datasetKey, dna);
  const pulseChannel = useLinearAxis(sampleId, datasetKey, pulse);
  const x = useMemo(() => dnaChannel && { ...dnaChannel, domain: [0, dnaMax ?? dnaChannel.domain[1]] as [number, number] }, [dnaChannel, dnaMax]);
  const y = useMemo(
    () => pulseChannel && x && { ...pulseChannel, domain: [0, pulseAxisMax(band, x.domain[1], pulseChannel.domain[1])] as [number, number] },
    [pulseChannel, x, band],
  );
  if (!x || !y) return null;
  return (
    <GatedDensity sampleId={sampleId} datasetKey={datasetKey} population={population} populationName={populationName} x={x} y={y} display={display} title="Singlets">
      <p className="hint">Drag the band or its corners; doublets (longer pulses, or lower height, for their DNA) lie outside it.</p>
    </GatedDensity>
  );
}
