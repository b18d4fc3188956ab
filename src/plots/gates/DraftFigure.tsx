import { barY } from '../../tools/figures.ts';
import type { PlotArea } from '../../tools/pointer.ts';
import type { Draft } from '../../tools/shapes.ts';
import { pathThrough } from './svgPath.ts';

const VERTEX_RADIUS_PX = 3.5;

function verticalLine(x: number, area: PlotArea, className = 'draft-outline') {
  return <line key={`v${x}`} className={className} x1={x} x2={x} y1={area.top} y2={area.bottom} />;
}

/** A drawing in progress: the shape under the pointer, before it becomes a gate. */
export function DraftFigure({ draft, area }: { draft: Draft; area: PlotArea }) {
  switch (draft.kind) {
    case 'rectangle': {
      const { from, to } = draft;
      return <rect className="draft-outline" x={Math.min(from.x, to.x)} y={Math.min(from.y, to.y)} width={Math.abs(to.x - from.x)} height={Math.abs(to.y - from.y)} />;
    }
    case 'ellipse': {
      const { from, to } = draft;
      return <ellipse className="draft-outline" cx={(from.x + to.x) / 2} cy={(from.y + to.y) / 2} rx={Math.abs(to.x - from.x) / 2} ry={Math.abs(to.y - from.y) / 2} />;
    }
    case 'range': {
      const y = barY(area, 0);
      return (
        <g>
          {verticalLine(draft.from, area, 'draft-guide')}
          {verticalLine(draft.to, area, 'draft-guide')}
          <line className="draft-outline" x1={draft.from} x2={draft.to} y1={y} y2={y} />
        </g>
      );
    }
    case 'polygon': {
      const [first] = draft.vertices;
      return (
        <g>
          <path className="draft-outline" d={pathThrough(draft.vertices, false)} />
          {draft.cursor && <path className="draft-guide" d={pathThrough([draft.vertices[draft.vertices.length - 1], draft.cursor], false)} />}
          {draft.vertices.map((v, k) => (
            <circle key={k} className="draft-vertex" cx={v.x} cy={v.y} r={VERTEX_RADIUS_PX} />
          ))}
          {draft.closing && <circle className="draft-closing" cx={first.x} cy={first.y} r={VERTEX_RADIUS_PX * 2} />}
        </g>
      );
    }
    case 'quadrant':
      return (
        <g>
          {verticalLine(draft.centre.x, area)}
          <line className="draft-outline" x1={area.left} x2={area.right} y1={draft.centre.y} y2={draft.centre.y} />
        </g>
      );
    case 'multiRange':
      return (
        <g>
          {draft.boundaries.map((x) => verticalLine(x, area))}
          {draft.cursor !== null && verticalLine(draft.cursor, area, 'draft-guide')}
        </g>
      );
    default: {
      const unknown: never = draft;
      throw new Error(`unknown draft ${JSON.stringify(unknown)}`);
    }
  }
}
