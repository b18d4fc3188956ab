/**
 * Drives the tool state machine with synthetic pointer events, as a user would (tldraw's TestEditor idea): each
 * event advances a clock, effects are collected, and previews and commits are applied to the gates in play so
 * that the next event sees the gate as the app would show it.
 */
import type { AxisSpec } from '../analysis/axes.ts';
import { emptyStrategy } from '../analysis/sampleSession.ts';
import { axisScale } from '../plots/axisScale.ts';
import type { Gate, GatingStrategy } from '../gating/types.ts';
import { placeGate, type PlacedGate, type PlotView } from './placement.ts';
import { plotGates } from './plotGates.ts';
import type { Point, ToolKey } from './pointer.ts';
import { initialToolState, reduceTool, type ToolKind, type ToolState } from './tool.ts';
import type { ToolEffect } from './transition.ts';

/** Plot area of the explore density plot (440 × 420 with the shared margins). */
export const AREA = { left: 62, top: 12, right: 426, bottom: 372 };

export const linearAxis = (channel: string, max = 1000): AxisSpec => ({ channel, compensation: 'FCS', scale: null, domain: [0, max] });
export const logicleAxis = (channel: string): AxisSpec => ({
  channel,
  compensation: 'FCS',
  scale: { kind: 'logicle', T: 262144, W: 0.6, M: 4.5, A: 0 },
  domain: [-200, 262144],
});

export function plotView(x: AxisSpec, y: AxisSpec | null): PlotView {
  return {
    x: { ...x, pixels: axisScale(x, [AREA.left, AREA.right]) },
    y: y && { ...y, pixels: axisScale(y, [AREA.bottom, AREA.top]) },
    area: AREA,
  };
}

export class ToolHarness {
  state: ToolState;
  effects: ToolEffect[] = [];
  gates: Gate[];
  selectedGateId: string | null = null;
  readonly view: PlotView;
  /** The committed gates (what undo would return to); `gates` also holds the previewed ones. */
  readonly strategy: Pick<GatingStrategy, 'transforms'> & { gates: Gate[] };
  private time = 1000;

  constructor(tool: ToolKind, view: PlotView, strategy: Pick<GatingStrategy, 'transforms'> & { gates: Gate[] } = { transforms: {}, gates: [] }) {
    this.state = initialToolState(tool);
    this.view = view;
    this.strategy = strategy;
    this.gates = strategy.gates;
  }

  placed(id: string): PlacedGate {
    const gate = this.gates.find((g) => g.id === id);
    const placed = gate && placeGate(gate, this.view, this.strategy.transforms);
    if (!placed) throw new Error(`gate ${id} is not on this plot`);
    return placed;
  }

  gate(id: string): Gate {
    return this.placed(id).gate;
  }

  private dispatch(event: Parameters<typeof reduceTool>[1]): this {
    const context = { ...plotGates({ ...emptyStrategy(), ...this.strategy, gates: this.gates }, null, this.view), selectedGateId: this.selectedGateId, area: this.view.area };
    const { state, effects } = reduceTool(this.state, event, context);
    this.state = state;
    this.effects.push(...effects);
    for (const effect of effects) this.apply(effect);
    return this;
  }

  private apply(effect: ToolEffect): void {
    if (effect.kind === 'select') this.selectedGateId = effect.gateId;
    if (effect.kind === 'preview' || effect.kind === 'commit') this.gates = this.gates.map((g) => (g.id === effect.gate.id ? effect.gate : g));
    if (effect.kind === 'revert') this.gates = this.strategy.gates;
    if (effect.kind === 'commit') this.strategy.gates = this.gates;
  }

  wait(ms: number): this {
    this.time += ms;
    return this;
  }

  pointerDown(x: number, y: number): this {
    this.time += 100;
    return this.dispatch({ kind: 'pointerDown', point: { x, y }, time: this.time });
  }

  pointerMove(x: number, y: number): this {
    this.time += 16;
    return this.dispatch({ kind: 'pointerMove', point: { x, y }, time: this.time });
  }

  pointerUp(x: number, y: number): this {
    this.time += 16;
    return this.dispatch({ kind: 'pointerUp', point: { x, y }, time: this.time });
  }

  click(x: number, y: number): this {
    return this.pointerDown(x, y).pointerUp(x, y);
  }

  /** Press at `from`, move in `steps` equal steps to `to`, release there. */
  drag(from: Point, to: Point, steps = 5): this {
    this.pointerDown(from.x, from.y);
    for (let k = 1; k <= steps; k++) this.pointerMove(from.x + ((to.x - from.x) * k) / steps, from.y + ((to.y - from.y) * k) / steps);
    return this.pointerUp(to.x, to.y);
  }

  key(key: ToolKey): this {
    return this.dispatch({ kind: 'key', key });
  }

  cancel(): this {
    return this.dispatch({ kind: 'cancel' });
  }

  effectsOf<K extends ToolEffect['kind']>(kind: K): Extract<ToolEffect, { kind: K }>[] {
    return this.effects.filter((e): e is Extract<ToolEffect, { kind: K }> => e.kind === kind);
  }
}
