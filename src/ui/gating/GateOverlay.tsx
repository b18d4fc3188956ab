import { type KeyboardEvent, useEffect, useId, useMemo } from 'react';
import type { AxisSpec } from '../../analysis/axes.ts';
import { type GatingDocument, replaceGate } from '../../analysis/gatingDocument.ts';
import type { Gate, PopulationId } from '../../gating/types.ts';
import type { AxisScale } from '../../plots/axisScale.ts';
import { DraftFigure } from '../../plots/gates/DraftFigure.tsx';
import { GateFigures } from '../../plots/gates/GateFigures.tsx';
import { addNewGate, gateColour, gateFromShape } from '../../tools/newGates.ts';
import type { PlotView } from '../../tools/placement.ts';
import { plotGates } from '../../tools/plotGates.ts';
import { translateGate } from '../../tools/reshape.ts';
import { draftOf, isBusy, type ToolKind, type ToolState } from '../../tools/tool.ts';
import type { ToolEffect } from '../../tools/transition.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useSampleStrategy } from './useSampleStrategy.ts';
import { formatPercent } from '../format.ts';
import { createLatestTask } from './latestTask.ts';
import { useToolMachine } from './useToolMachine.ts';
import { drawingGroupOf } from './useGroups.ts';
import { placeInGroup } from '../../analysis/groupEdits.ts';
import { gateKeyAction } from './gateKeys.ts';

export interface GateOverlayProps {
  sampleId: string;
  /** The plotted population: the gates drawn are its children, and new gates become its children. */
  population: PopulationId | null;
  x: AxisSpec;
  /** Null on a histogram. */
  y: AxisSpec | null;
  scales: { x: AxisScale; y: AxisScale };
  tool: ToolKind;
  onToolChange(tool: ToolKind): void;
  channelLabel(channel: string): string;
  /**
   * Takes over a finished move or reshape of an existing gate instead of saving it where it belongs (e.g. to ask
   * whether a quadrant moved on one sample applies to all); return false to let the overlay save it as usual.
   */
  onEditFinished?(gate: Gate): boolean;
}

/** Where a gate edit goes: the sample's tailored version when it has one, else the template (every sample). */
function editTarget(document: GatingDocument, sampleId: string, gateId: string): string | null {
  return document.overrides[sampleId]?.[gateId] ? sampleId : null;
}

function cursorOf(state: ToolState): string {
  if (state.tool !== 'select') return 'crosshair';
  const grab = state.phase === 'idle' ? state.hover : state.grab;
  return grab ? (grab.handle?.cursor ?? 'move') : 'default';
}

/** The gate layer of one plot: draws the plotted population's gates over its channels and feeds the active tool. */
export function GateOverlay({ sampleId, population, x, y, scales, tool, onToolChange, channelLabel, onEditFinished }: GateOverlayProps) {
  const store = useStoreApi();
  const clipId = useId();
  const gating = useAppStore((s) => s.gating);
  const selectedGateId = useAppStore((s) => s.selectedGateId);
  const result = useAppStore((s) => s.gatingResults[sampleId]);
  const strategy = useSampleStrategy(sampleId);
  const view = useMemo<PlotView>(() => {
    const [top, bottom] = [Math.min(...scales.y.range), Math.max(...scales.y.range)];
    return { x: { ...x, pixels: scales.x }, y: y && { ...y, pixels: scales.y }, area: { left: scales.x.range[0], right: scales.x.range[1], top, bottom } };
  }, [x, y, scales]);
  const gates = useMemo(() => plotGates(strategy, population, view), [strategy, population, view]);
  const colours = useMemo(() => new Map(gates.figures.map((f) => [f.gateId, gateColour(gating, f.gateId)])), [gates, gating]);
  const percents = useMemo(() => new Map((result?.counts ?? []).map((c) => [c.id, formatPercent(c.percentOfParent)])), [result]);

  // A drag step is drawn from the tool's state in the pointer event itself; the store (and through it the worker's
  // counts, the population tree) hears of it in the next task, after that frame.
  const previews = useMemo(() => createLatestTask(), []);
  useEffect(() => () => previews.cancel(), [previews]);

  const onEffects = (effects: ToolEffect[]) => {
    const { changeGating, selectGate } = store.getState();
    for (const effect of effects) {
      switch (effect.kind) {
        case 'create': {
          const made = gateFromShape(effect.shape, { strategy: store.getState().gating.template, parentId: population, view, channelLabel });
          if (!made) break;
          // The gate belongs to the group chosen above the plots (by default this sample's assay's tubes).
          const state = store.getState();
          const assay = state.samples.find((e) => e.id === sampleId)?.annotation?.assay ?? null;
          const group = drawingGroupOf(state.drawingGroup, state.gating.groups, sampleId, assay);
          changeGating((d) => placeInGroup(addNewGate(d, made), made.gate.id, group));
          selectGate(made.gate.id);
          onToolChange('select');
          break;
        }
        case 'select':
          selectGate(effect.gateId);
          break;
        case 'preview': {
          const { gate } = effect;
          previews.run(() => store.getState().changeGating((d) => replaceGate(d, gate, editTarget(d, sampleId, gate.id)), { transient: true }));
          break;
        }
        case 'commit':
          previews.cancel();
          if (onEditFinished?.(effect.gate)) break;
          changeGating((d) => replaceGate(d, effect.gate, editTarget(d, sampleId, effect.gate.id)));
          break;
        case 'revert':
          previews.cancel();
          changeGating(() => store.getState().committedGating, { transient: true });
          break;
        default: {
          const unknown: never = effect;
          throw new Error(`unknown tool effect ${JSON.stringify(unknown)}`);
        }
      }
    }
  };
  const { state, handlers } = useToolMachine(tool, { ...gates, selectedGateId, area: view.area }, onEffects);
  const dragged = state.tool === 'select' && state.phase === 'dragging' ? state.current : null;
  const drawn = useMemo(
    () => (dragged ? plotGates({ ...strategy, gates: strategy.gates.map((g) => (g.id === dragged.id ? dragged : g)) }, population, view) : gates),
    [dragged, gates, strategy, population, view],
  );
  const draft = draftOf(state);
  const hovered = state.tool === 'select' && state.phase === 'idle' ? (state.hover?.gateId ?? null) : null;
  const { area } = view;

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (isBusy(state)) return;
    const action = gateKeyAction(event.key, event.shiftKey, gates.figures.map((f) => f.gateId), selectedGateId);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'pick') store.getState().selectGate(action.gateId);
    else if (action.kind === 'edit') (document.querySelector<HTMLElement>('.gate-editor .gate-coordinates input') ?? document.querySelector<HTMLElement>('.gate-editor form input'))?.focus();
    else {
      const placed = gates.placed.get(action.gateId);
      const moved = placed && translateGate(placed, action.delta);
      if (moved && JSON.stringify(moved) !== JSON.stringify(placed.gate)) onEffects([{ kind: 'commit', gate: moved }]);
    }
  };
  const picked = gates.figures.find((f) => f.gateId === selectedGateId)?.labels[0];

  return (
    <g
      className="gate-layer"
      style={{ cursor: cursorOf(state) }}
      {...handlers}
      tabIndex={0}
      role="group"
      aria-label="Gates: Enter picks a gate, arrow keys move it (Shift: ten pixels), F2 types its coordinates, Delete removes it"
      aria-activedescendant={picked ? `${clipId}-${picked.populationId}` : undefined}
      onKeyDown={onKeyDown}
    >
      <rect className="gate-surface" x={area.left} y={area.top} width={area.right - area.left} height={area.bottom - area.top} />
      <GateFigures figures={drawn.figures} colours={colours} percents={percents} selectedGateId={selectedGateId} hoveredGateId={hovered} area={area} clipId={clipId} />
      {draft && <DraftFigure draft={draft} area={area} />}
    </g>
  );
}
