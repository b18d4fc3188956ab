import { useMemo } from 'react';
import type { GateFigure } from '../../tools/figures.ts';
import type { PlotArea } from '../../tools/pointer.ts';
import { layoutLabels, NAME_LINE_PX } from '../labelLayout.ts';
import { measureLabelText } from '../textWidth.ts';
import { pathThrough } from './svgPath.ts';

const HANDLE_SIZE_PX = 7;

interface GateFiguresProps {
  figures: readonly GateFigure[];
  /** Gate id → outline colour. */
  colours: ReadonlyMap<string, string>;
  /** Population id → its percentage of parent as shown ("12.34%"); absent while it is being computed. */
  percents: ReadonlyMap<string, string>;
  selectedGateId: string | null;
  hoveredGateId: string | null;
  area: PlotArea;
  /** Unique id for the clip path that keeps outlines inside the plot area; labels' ids start with it. */
  clipId: string;
}

/**
 * Gates drawn from their figures: outlines, the selected gate's handles, and population labels with live
 * percentages, laid out so that no two collide and none is cut off (labelLayout.ts).
 */
export function GateFigures({ figures, colours, percents, selectedGateId, hoveredGateId, area, clipId }: GateFiguresProps) {
  const gateOf = useMemo(() => new Map(figures.flatMap((f) => f.labels.map((l) => [l.populationId, f.gateId] as const))), [figures]);
  const labels = useMemo(
    () => layoutLabels(figures.flatMap((f) => f.labels.map((label) => ({ label, value: percents.get(label.populationId) ?? '…' }))), area, measureLabelText),
    [figures, percents, area],
  );
  return (
    <g className="gate-figures">
      <clipPath id={clipId}>
        <rect x={area.left} y={area.top} width={area.right - area.left} height={area.bottom - area.top} />
      </clipPath>
      {figures.map((figure) => {
        const selected = figure.gateId === selectedGateId;
        const state = selected ? 'selected' : figure.gateId === hoveredGateId ? 'hovered' : 'plain';
        return (
          <g key={figure.gateId} className="gate" data-state={state} style={{ color: colours.get(figure.gateId) }}>
            <g clipPath={`url(#${clipId})`}>
              {figure.body && <path className="gate-body" d={pathThrough(figure.body, true)} />}
              {figure.outlines.map((outline, k) => (
                <path key={k} className="gate-outline" d={pathThrough(outline.points, outline.closed)} />
              ))}
            </g>
            {selected &&
              figure.handles
                .filter((h) => h.marker)
                .map((h, k) => (
                  <rect key={k} className="gate-handle" x={h.at.x - HANDLE_SIZE_PX / 2} y={h.at.y - HANDLE_SIZE_PX / 2} width={HANDLE_SIZE_PX} height={HANDLE_SIZE_PX} />
                ))}
          </g>
        );
      })}
      {labels.placed.map(({ label, showName, value, at, leader }) => {
        const percent = percents.get(label.populationId);
        return (
          <g
            key={label.populationId}
            id={`${clipId}-${label.populationId}`}
            className="gate-label"
            style={{ color: colours.get(gateOf.get(label.populationId) ?? '') }}
            role="img"
            aria-label={`${label.name}: ${percent ? `${percent} of parent` : 'counting'}`}
          >
            {leader && <line className="gate-leader" x1={leader[0].x} y1={leader[0].y} x2={leader[1].x} y2={leader[1].y} />}
            {showName && (
              <text x={at.x} y={at.y - NAME_LINE_PX} textAnchor={label.align} className="gate-label-name">
                {label.name}
              </text>
            )}
            <text x={at.x} y={at.y} textAnchor={label.align} className="gate-label-value">
              {value}
            </text>
          </g>
        );
      })}
      {labels.unplaced.map(({ label }) => (
        <g key={label.populationId} role="img" aria-label={`${label.name}: ${percents.get(label.populationId) ?? 'counting'} of parent (no room on the plot)`} />
      ))}
    </g>
  );
}
