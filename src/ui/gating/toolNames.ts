import type { ToolKind } from '../../tools/tool.ts';

/** Each tool's name, hint, one-key shortcut (design tools' V for select; I for an interval, as R is the rectangle's) and icon. */
export const TOOL_NAMES: Record<ToolKind, { name: string; hint: string; key: string; icon: string }> = {
  select: { name: 'Select', hint: 'Select, move and reshape gates by their handles', key: 'V', icon: 'M4 2 L4 14 L7 11 L9.5 16 L11.5 15 L9 10 L13 10 Z' },
  rectangle: { name: 'Rectangle', hint: 'Drag a rectangle gate', key: 'R', icon: 'M3 4 H15 V14 H3 Z' },
  polygon: { name: 'Polygon', hint: 'Click each vertex; click the first vertex or double-click to close (Enter also closes)', key: 'P', icon: 'M3 12 L7 3 L15 6 L13 15 Z' },
  ellipse: { name: 'Ellipse', hint: 'Drag the box an ellipse gate fills', key: 'E', icon: 'M9 4 C14 4 16 7 16 9 C16 11 14 14 9 14 C4 14 2 11 2 9 C2 7 4 4 9 4 Z' },
  quadrant: { name: 'Quadrant', hint: 'Click the centre of a quadrant gate', key: 'Q', icon: 'M9 2 V16 M2 9 H16' },
  range: { name: 'Range', hint: 'Drag a range gate along the axis', key: 'I', icon: 'M3 5 V13 M15 5 V13 M3 9 H15' },
  multiRange: { name: 'Multi-range', hint: 'Click each boundary of contiguous ranges; double-click or Enter to finish', key: 'M', icon: 'M2 5 V13 M7 5 V13 M11 5 V13 M16 5 V13 M2 9 H16' },
};
