/** Pixel layout shared by every plot: the SVG/canvas size and the plot area inside its margins. */
export interface PlotFrame {
  width: number;
  height: number;
  left: number;
  top: number;
  /** Plot area size. */
  innerWidth: number;
  innerHeight: number;
}

export function plotFrame(width: number, height: number): PlotFrame {
  const left = 62;
  const top = 12;
  const right = 14;
  const bottom = 48;
  return { width, height, left, top, innerWidth: width - left - right, innerHeight: height - top - bottom };
}
