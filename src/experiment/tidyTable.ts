/**
 * The tidy (long) table of an experiment: one row per tube × population with every sample-sheet column, the
 * population, its parent, the count and the % of parent, the shape R, Python and Prism's "long" format expect.
 * The rows a reported percentage comes from say so ("Reported as"), so every summary number can be traced back.
 */
import { type Assay, SAMPLE_ROLE_NAMES } from '../analysis/sampleSheet.ts';
import { asciiName } from '../apoptosis/resultsTable.ts';
import type { CellCycleFit } from '../cellcycle/types.ts';
import { type Cell, full, integer, type Table, text } from '../export/table.ts';
import type { PopulationCounts } from '../gating/statistics.ts';
import { listPopulations } from '../gating/strategy.ts';
import type { GatingStrategy } from '../gating/types.ts';
import { conditionName, conditionOf, type DisplayUnits, doseIn, timeIn, type TubeResult } from './conditions.ts';
import { MEASURES, type MeasureKey, measureOf } from './measures.ts';

export interface TidyPopulation {
  population: string;
  parent: string;
  /** Events, or for the fit's phases the modelled events (not a whole number). */
  count: number;
  percentOfParent: number;
  /** The reported percentage this row is, or null. */
  measure: MeasureKey | null;
}

export interface TubeRecord extends TubeResult {
  assay: Assay | null;
  populations: TidyPopulation[];
}

/** The fit's cycling cells, the parent of its G0/G1, S and G2/M. */
export const FIT_PARENT = 'Cycling cells (fit)';
const ROOT = 'All events';

/** Every gated population of a tube with its parent by name, the reported ones marked. */
export function gatePopulations(strategy: GatingStrategy, counts: readonly PopulationCounts[]): TidyPopulation[] {
  const names = new Map(listPopulations(strategy).map((p) => [p.id, asciiName(p.name)]));
  const reported = new Map(MEASURES.flatMap((m) => (m.populationId === null ? [] : [[m.populationId, m.key] as const])));
  return counts.map((c) => ({
    population: names.get(c.id) ?? c.id,
    parent: c.parentId === null ? ROOT : (names.get(c.parentId) ?? c.parentId),
    count: c.count,
    percentOfParent: c.percentOfParent,
    measure: reported.get(c.id) ?? null,
  }));
}

/** The fit's phases as populations of the modelled cycling cells. */
export function fitPopulations(fit: Pick<CellCycleFit, 'g1Percent' | 'sPercent' | 'g2mPercent' | 'cyclingEvents'>): TidyPopulation[] {
  const phases: [MeasureKey, number][] = [['g0g1', fit.g1Percent], ['s', fit.sPercent], ['g2m', fit.g2mPercent]];
  return phases.map(([key, percent]) => ({ population: measureOf(key).population, parent: FIT_PARENT, count: (percent / 100) * fit.cyclingEvents, percentOfParent: percent, measure: key }));
}

/** The sample-sheet columns every experiment table starts its tube rows with. */
export function sheetColumns(units: DisplayUnits): string[] {
  return ['Assay', 'Role', 'Cell line', 'Compound', `Concentration (${units.dose})`, `Time (${units.time})`, 'Replicate', 'Condition label', 'Condition'];
}

const orBlank = (value: number | null): Cell => (value === null ? text('') : full(value));

/** What a table needs of a tube to give its sample-sheet columns. */
export type SheetTube = Pick<TubeRecord, 'tube' | 'annotation' | 'assay'>;

export function sheetCells(tube: SheetTube, units: DisplayUnits): Cell[] {
  const a = tube.annotation;
  const condition = conditionOf(a);
  return [
    text(tube.assay === 'apoptosis' ? 'Apoptosis' : tube.assay === 'cellCycle' ? 'Cell cycle' : ''), text(SAMPLE_ROLE_NAMES[a.role]), text(a.cellLine), text(a.compound),
    orBlank(doseIn(a.doseNm, units)), orBlank(timeIn(a.timeH, units)), text(a.replicate), text(a.label), text(condition ? conditionName(condition, units) : ''),
  ];
}

export function tidyTable(tubes: readonly TubeRecord[], units: DisplayUnits): Table {
  return {
    columns: ['File', ...sheetColumns(units), 'Population', 'Parent', 'Count', '% of parent', 'Reported as'],
    rows: tubes.flatMap((tube) => {
      const sheet = [text(tube.tube), ...sheetCells(tube, units)];
      return tube.populations.map((p) => [
        ...sheet, text(p.population), text(p.parent), Number.isInteger(p.count) ? integer(p.count) : full(p.count), full(p.percentOfParent),
        text(p.measure ? measureOf(p.measure).column : ''),
      ]);
    }),
  };
}
