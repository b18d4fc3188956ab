import type { PopulationCounts } from '../gating/statistics.ts';
import { full, integer, text, type Table } from './table.ts';

export interface SampleCounts {
  sample: string;
  counts: readonly PopulationCounts[];
}

/** One row per sample × population (percentages with every digit, for scripts): `sample, population, parent, count, percent_of_parent, percent_of_total`. */
export function populationCountsTable(samples: readonly SampleCounts[]): Table {
  return {
    columns: ['sample', 'population', 'parent', 'count', 'percent_of_parent', 'percent_of_total'],
    rows: samples.flatMap(({ sample, counts }) =>
      counts.map((p) => [text(sample), text(p.id), text(p.parentId ?? ''), integer(p.count), full(p.percentOfParent), full(p.percentOfTotal)]),
    ),
  };
}
