import { interpolateTurbo, scaleSequentialLog } from 'd3';

/**
 * One RGBA colour per count 0…maxCount (pseudocolour as FlowJo draws it: log-scaled, blue → red),
 * packed little-endian for a Uint32Array view of ImageData. Count 0 is transparent.
 */
export function densityPalette(maxCount: number): Uint32Array {
  const palette = new Uint32Array(maxCount + 1);
  if (maxCount < 1) return palette;
  // Start a little into the ramp so single events are visible blue, not near-black.
  const colour = scaleSequentialLog((t: number) => interpolateTurbo(0.12 + 0.85 * t)).domain([1, Math.max(2, maxCount)]);
  for (let count = 1; count <= maxCount; count++) {
    const { r, g, b } = parseRgb(colour(count));
    palette[count] = (255 << 24) | (b << 16) | (g << 8) | r;
  }
  return palette;
}

function parseRgb(css: string): { r: number; g: number; b: number } {
  const [r, g, b] = css.match(/\d+/g)?.map(Number) ?? [0, 0, 0];
  return { r, g, b };
}
