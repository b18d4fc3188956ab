import type { GateFigure } from '../../tools/figures.ts';
import type { PlotArea } from '../../tools/pointer.ts';
import { pathThrough } from './svgPath.ts';

const HANDLE_SIZE_PX = 7;
/** Line spacing of a two-line label (name above, percentage below). */
const LABEL_LINE_PX = 13;
/** Rough width of a character of the 10 px name line, to drop names that do not fit a narrow range. */
const NAME_CHAR_PX = 6;

interface GateFiguresProps {
  figures: readonly GateFigure[];
  /** Gate id → outline colour. */
  colours: ReadonlyMap<string, string>;
  /** Population id → its percentage of parent as shown ("12.34%"); absent while it is being computed. */
  percents: ReadonlyMap<string, string>;
  selectedGateId: string | null;
  hoveredGateId: string | null;
  area: PlotArea;
  /** Unique id for the clip path that keeps outlines inside the plot area. */
  clipId: string;
}

/** Gates drawn from their figures: outlines, population labels with live percentages, and the selected gate's handles. */
export function GateFigures({ figures, colours, percents, selectedGateId, hoveredGateId, area, clipId }: GateFiguresProps) {
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
            {figure.labels.map((label) => {
              const percent = percents.get(label.populationId);
              return (
                <g key={label.populationId} className="gate-label" role="img" aria-label={`${label.name}: ${percent ? `${percent} of parent` : 'counting'}`}>
                  {(label.room === null || label.name.length * NAME_CHAR_PX <= label.room) && (
                    <text x={label.at.x} y={label.at.y - LABEL_LINE_PX} textAnchor={label.align} className="gate-label-name">
                      {label.name}
                    </text>
                  )}
                  <text x={label.at.x} y={label.at.y} textAnchor={label.align} className="gate-label-value">
                    {percent ?? '…'}
                  </text>
                </g>
              );
            })}
            {selected &&
              figure.handles
                .filter((h) => h.marker)
                .map((h, k) => (
                  <rect key={k} className="gate-handle" x={h.at.x - HANDLE_SIZE_PX / 2} y={h.at.y - HANDLE_SIZE_PX / 2} width={HANDLE_SIZE_PX} height={HANDLE_SIZE_PX} />
                ))}
          </g>
        );
      })}
    </g>
  );
}
