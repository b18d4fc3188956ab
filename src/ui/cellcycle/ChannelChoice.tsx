import { useId } from 'react';
import type { DnaChannelNames } from '../../cellcycle/dnaChannels.ts';
import type { SingletPulseParameter } from '../../cellcycle/singletGate.ts';
import { useStoreApi } from '../../state/store.ts';
import type { ChannelSummary } from '../../../workers/api.ts';

/** Pulse parameters by the usual suffixes: "-W"/"Width" and "-H"/"Height". */
function pulseKind(name: string): SingletPulseParameter | null {
  if (/[-_ ](W|Width)$/i.test(name.trim())) return 'width';
  if (/[-_ ](H|Height)$/i.test(name.trim())) return 'height';
  return null;
}

/** DNA area and the pulse width or height of the singlet gate, prefilled from the files' $PnN/$PnS. */
export function ChannelChoice({ channels, chosen }: { channels: readonly ChannelSummary[]; chosen: DnaChannelNames | null }) {
  const store = useStoreApi();
  const id = useId();
  const choose = (next: DnaChannelNames) => store.getState().chooseCellCycleChannels(next);
  const pulses = channels.flatMap((c) => {
    const kind = pulseKind(c.name);
    return kind ? [{ channel: c.name, kind, display: c.display }] : [];
  });
  return (
    <fieldset className="cell-cycle-channels">
      <legend>Channels</legend>
      <label htmlFor={`${id}-dna`}>DNA content (area)</label>
      <select id={`${id}-dna`} value={chosen?.dna ?? ''} onChange={(e) => choose({ dna: e.currentTarget.value, pulse: chosen?.pulse ?? null })}>
        {chosen === null && <option value="">Choose…</option>}
        {channels.map((c) => (
          <option key={c.name} value={c.name}>
            {c.display}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-pulse`}>Singlet gate on</label>
      <select
        id={`${id}-pulse`}
        value={chosen?.pulse?.channel ?? ''}
        disabled={chosen === null}
        onChange={(e) => {
          const picked = pulses.find((p) => p.channel === e.currentTarget.value);
          if (chosen) choose({ dna: chosen.dna, pulse: picked ? { channel: picked.channel, kind: picked.kind } : null });
        }}
      >
        <option value="">No singlet gate (fit every event)</option>
        {pulses.map((p) => (
          <option key={p.channel} value={p.channel}>
            {`${p.display} (pulse ${p.kind})`}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
