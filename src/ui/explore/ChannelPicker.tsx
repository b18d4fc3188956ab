import { useId } from 'react';
import type { AxisKind, AxisSpec } from '../../analysis/axes.ts';
import { axisKindOf } from '../../analysis/axes.ts';
import type { ChannelSummary } from '../../../workers/api.ts';
import { AxisRangeEditor } from './AxisRangeEditor.tsx';

const AXIS_KINDS: readonly { kind: AxisKind; label: string }[] = [
  { kind: 'linear', label: 'Linear' },
  { kind: 'log', label: 'Log' },
  { kind: 'logicle', label: 'Logicle (biexponential)' },
  { kind: 'arcsinh', label: 'Arcsinh' },
];

interface ChannelPickerProps {
  /** "X axis", "Y axis", "Histogram". */
  name: string;
  channels: ChannelSummary[];
  channel: string;
  axis: AxisSpec | null;
  onChannel(channel: string): void;
  onKind(kind: AxisKind): void;
  onRange(domain: [number, number]): void;
}

/** A channel select showing "$PnN ($PnS)" and the axis scale select next to it. */
export function ChannelPicker({ name, channels, channel, axis, onChannel, onKind, onRange }: ChannelPickerProps) {
  const id = useId();
  return (
    <div className="channel-picker">
      <label htmlFor={`${id}-channel`}>{name}</label>
      <select id={`${id}-channel`} value={channel} onChange={(e) => onChannel(e.currentTarget.value)}>
        {channels.map((c) => (
          <option key={c.index} value={c.name}>
            {c.display}
          </option>
        ))}
      </select>
      <select aria-label={`${name} scale`} value={axis ? axisKindOf(axis) : 'linear'} disabled={!axis} onChange={(e) => onKind(e.currentTarget.value as AxisKind)}>
        {AXIS_KINDS.map(({ kind, label }) => (
          <option key={kind} value={kind}>
            {label}
          </option>
        ))}
      </select>
      {axis && <AxisRangeEditor name={name} axis={axis} onRange={onRange} />}
    </div>
  );
}
