import { useId } from 'react';
import { pulseParameter } from '../../channels/pulses.ts';
import { findScatterChannels, isScatterProblem } from '../../channels/scatter.ts';
import type { SingletPulseParameter } from '../../cellcycle/singletGate.ts';
import type { CellCycleChannels } from '../../state/cellCycleSlice.ts';
import { useStoreApi } from '../../state/store.ts';
import type { ChannelSummary } from '../../../workers/api.ts';

/** Pulse widths and heights as instruments name them (src/channels pulses: "PI-W", "FL3-H", "FL3 PEAK LIN"). */
function pulseKind(name: string): SingletPulseParameter | null {
  const { kind } = pulseParameter(name);
  return kind === 'width' || kind === 'height' ? kind : null;
}

/** Forward and side scatter, found as the apoptosis pre-gates find them; null when the files have no scatter pair. */
function scatterOf(channels: readonly ChannelSummary[]): { fsc: string; ssc: string } | null {
  const found = findScatterChannels(channels);
  return isScatterProblem(found) ? null : { fsc: found.fsc, ssc: found.ssc };
}

/** DNA area, the pulse width or height of the singlet gate, and the optional cells gate, prefilled from $PnN/$PnS. */
export function ChannelChoice({ channels, chosen }: { channels: readonly ChannelSummary[]; chosen: CellCycleChannels | null }) {
  const store = useStoreApi();
  const id = useId();
  const choose = (change: Partial<CellCycleChannels>) => chosen && store.getState().chooseCellCycleChannels({ ...chosen, ...change });
  const pulses = channels.flatMap((c) => {
    const kind = pulseKind(c.name);
    return kind ? [{ channel: c.name, kind, display: c.display }] : [];
  });
  const scatter = scatterOf(channels);
  return (
    <fieldset className="cell-cycle-channels">
      <legend>Channels</legend>
      <label htmlFor={`${id}-dna`}>DNA content (area)</label>
      <select
        id={`${id}-dna`}
        value={chosen?.dna ?? ''}
        onChange={(e) => store.getState().chooseCellCycleChannels({ dna: e.currentTarget.value, pulse: chosen?.pulse ?? null, scatter: chosen?.scatter ?? null })}
      >
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
          choose({ pulse: picked ? { channel: picked.channel, kind: picked.kind } : null });
        }}
      >
        <option value="">No singlet gate (fit every event)</option>
        {pulses.map((p) => (
          <option key={p.channel} value={p.channel}>
            {`${p.display} (pulse ${p.kind})`}
          </option>
        ))}
      </select>
      {chosen && !chosen.pulse && (
        <p className="hint" role="note">
          No singlet gate: every event is fitted, and doublets are left to the aggregate model.
          {pulses.length === 0 && ' These files have no pulse width or height of the DNA signal.'}
        </p>
      )}
      <label className="checkbox cells-gate">
        <input type="checkbox" checked={Boolean(chosen?.scatter)} disabled={chosen === null || scatter === null} onChange={(e) => choose({ scatter: e.currentTarget.checked ? scatter : null })} />
        {scatter ? `Cells gate on ${scatter.fsc} vs ${scatter.ssc} first (drops debris; the CLI has none)` : 'Cells gate on FSC vs SSC first (no FSC-A/SSC-A in these files)'}
      </label>
    </fieldset>
  );
}
