/** Where an axis title is drawn along its axis, and at what size, so that it is never cut by the figure's edge. */
export interface TitleFit {
  /** Pixel of the title's middle along the axis. */
  centre: number;
  /** Font size in pixels. */
  size: number;
}

const EDGE = 2;
const SMALLEST = 9;

/**
 * A title `width` pixels long at `size` px: centred on the plot area [start, end] when it fits there, else moved
 * just enough to stay inside the figure [0, length], else set smaller (down to 9 px) in the figure's middle.
 */
export function fitAxisTitle(width: number, size: number, start: number, end: number, length: number): TitleFit {
  const middle = (start + end) / 2;
  const room = length - 2 * EDGE;
  if (width <= room) {
    const half = width / 2;
    return { centre: Math.min(Math.max(middle, EDGE + half), length - EDGE - half), size };
  }
  return { centre: length / 2, size: Math.max(SMALLEST, Math.floor((size * room) / width)) };
}
