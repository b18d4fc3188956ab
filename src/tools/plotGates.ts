/** The gates a plot shows: children of the plotted population over the plot's channels, with their figures. */
import type { GatingStrategy, PopulationId } from '../gating/types.ts';
import { type GateFigure, gateFigure } from './figures.ts';
import { placeGate, type PlacedGate, type PlotView } from './placement.ts';
import type { SelectContext } from './selectTool.ts';

export type PlotGates = Pick<SelectContext, 'figures' | 'placed'>;

export function plotGates(strategy: GatingStrategy, parentId: PopulationId | null, view: PlotView): PlotGates {
  const placed: PlacedGate[] = strategy.gates.filter((g) => g.parentId === parentId).flatMap((g) => placeGate(g, view, strategy.transforms) ?? []);
  const figures: GateFigure[] = placed.map((p, level) => gateFigure(p, view.area, level));
  return { figures, placed: new Map(placed.map((p) => [p.gate.id, p])) };
}
