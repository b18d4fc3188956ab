/**
 * The experiment's answer as tables (rendered on screen, as CSV, to the clipboard and into the workbook): each
 * condition's mean ± SD and n of every measure, and the EC50 of every dose-response curve.
 */
import { type Cell, type ColumnLayout, integer, percent, significant, type Table, text } from '../export/table.ts';
import { type ConditionGroup, conditionName, type DisplayUnits, doseIn, summariseMeasure, timeIn } from './conditions.ts';
import type { DoseResponseSeries } from './doseResponseSeries.ts';
import { measureOf, type Measure } from './measures.ts';

type Column = [name: string, layout: ColumnLayout];

const numberOrBlank = (value: number | null): Cell => (value === null ? text('') : significant(value));

/** One row per condition: its sheet columns (the label when any condition has one), then mean, SD and n of each measure under the measure's name. */
export function conditionSummaryTable(groups: readonly ConditionGroup[], measures: readonly Measure[], units: DisplayUnits): Table {
  const labelled = groups.some((g) => g.condition.label !== '');
  const columns: Column[] = [
    ['Condition', {}], ['Cell line', {}], ['Compound', {}], [`Concentration (${units.dose})`, {}], [`Time (${units.time})`, {}],
    ...(labelled ? [['Condition label', {}] as Column] : []),
    ['Tubes', {}],
    ...measures.flatMap((m): Column[] => [[`${m.column} mean`, { group: m.column }], [`${m.column} SD`, { group: m.column }], [`${m.column} n`, { group: m.column }]]),
  ];
  return {
    columns: columns.map(([name]) => name),
    layout: columns.map(([, layout]) => layout),
    rows: groups.map(({ condition, tubes }, k) => [
      text(conditionName(condition, units)), text(condition.cellLine), text(condition.compound),
      numberOrBlank(doseIn(condition.doseNm, units)), numberOrBlank(timeIn(condition.timeH, units)),
      ...(labelled ? [text(condition.label)] : []),
      integer(tubes.length),
      ...measures.flatMap((m) => {
        const { mean, sd, n } = summariseMeasure(groups[k], m.key);
        return [percent(mean), percent(sd), integer(n)];
      }),
    ]),
  };
}

/** The measures that some tube of the experiment has. */
export function measuresPresent(groups: readonly ConditionGroup[], measures: readonly Measure[]): Measure[] {
  return measures.filter((m) => groups.some((g) => g.tubes.some((t) => t.values[m.key] !== undefined)));
}

/** One row per curve: what was fitted, the EC50 with its 95 % CI, Hill slope, plateaus and the warnings. */
export function ec50Table(series: readonly DoseResponseSeries[], units: DisplayUnits): Table {
  return {
    columns: [
      'Measure', 'Cell line', 'Compound', `Time (${units.time})`, 'Condition label', 'Tubes', 'Concentrations',
      `EC50 (${units.dose})`, `EC50 95% CI low (${units.dose})`, `EC50 95% CI high (${units.dose})`, 'Hill slope', 'Bottom', 'Top', 'Warnings',
    ],
    rows: series.map(({ measure, cellLine, compound, timeH, label, fit }) => [
      text(measureOf(measure).column), text(cellLine), text(compound), numberOrBlank(timeIn(timeH, units)), text(label),
      integer(fit.n), integer(fit.concentrationCount),
      numberOrBlank(fit.ec50), numberOrBlank(fit.ec50Low), numberOrBlank(fit.ec50High),
      numberOrBlank(fit.curve?.hill ?? null), numberOrBlank(fit.curve?.bottom ?? null), numberOrBlank(fit.curve?.top ?? null),
      text(fit.warnings.join(' | ')),
    ]),
  };
}
