/**
 * Dose-response curves of an experiment: for a measure, one curve per cell line, compound, time point and condition
 * label, through every replicate tube, with the untreated tubes of that cell line and time as its dose 0. Doses are
 * in the experiment's display unit, so the EC50 is too.
 */
import { compareConditions, type Condition, conditionOf, type DisplayUnits, doseIn, type TubeResult } from './conditions.ts';
import { type DoseResponseFit, fitDoseResponse } from './doseResponseFit.ts';
import type { MeasureKey } from './measures.ts';

export interface SeriesPoint {
  /** In the display unit; 0 for untreated tubes. */
  concentration: number;
  response: number;
  tube: string;
}

export interface DoseResponseSeries {
  key: string;
  measure: MeasureKey;
  cellLine: string;
  compound: string;
  timeH: number | null;
  label: string;
  points: SeriesPoint[];
  fit: DoseResponseFit;
}

const seriesKey = (c: Pick<Condition, 'cellLine' | 'timeH' | 'label'>, compound: string) =>
  JSON.stringify([c.cellLine.toLowerCase(), compound.toLowerCase(), c.timeH, c.label.toLowerCase()]);

export function doseResponseSeries(tubes: readonly TubeResult[], measure: MeasureKey, units: DisplayUnits): DoseResponseSeries[] {
  const placed = tubes.flatMap((tube) => {
    const condition = conditionOf(tube.annotation);
    const response = tube.values[measure];
    return condition && condition.doseNm !== null && response !== undefined && Number.isFinite(response) ? [{ tube, condition, response }] : [];
  });
  const series = new Map<string, DoseResponseSeries>();
  for (const { condition } of placed) {
    if (condition.doseNm === 0) continue;
    const key = seriesKey(condition, condition.compound);
    if (!series.has(key)) {
      series.set(key, { key, measure, cellLine: condition.cellLine, compound: condition.compound, timeH: condition.timeH, label: condition.label, points: [], fit: fitDoseResponse([]) });
    }
  }
  for (const { tube, condition, response } of placed) {
    const point = { concentration: doseIn(condition.doseNm, units) ?? 0, response, tube: tube.tube };
    if (condition.doseNm !== 0) {
      series.get(seriesKey(condition, condition.compound))?.points.push(point);
      continue;
    }
    // Untreated tubes are dose 0 of every compound tested on their cell line at their time.
    const sameCulture = seriesKey(condition, '');
    for (const s of series.values()) if (seriesKey(s, '') === sameCulture) s.points.push(point);
  }
  const asCondition = (s: DoseResponseSeries): Condition => ({ ...s, key: s.key, doseNm: null });
  return [...series.values()].toSorted((a, b) => compareConditions(asCondition(a), asCondition(b))).map((s) => ({ ...s, fit: fitDoseResponse(s.points, units.dose) }));
}
