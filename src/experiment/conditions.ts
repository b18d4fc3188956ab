/**
 * Conditions and replicates: tubes with the same cell line, compound, concentration, time and condition label are
 * replicates of one condition, whatever their assay; staining controls belong to none. Untreated tubes are the
 * condition "no compound at dose 0" of their cell line and time, shared by every compound's dose-response.
 */
import { type ConcentrationUnit, doseInUnit, isStainingControl, type SampleAnnotation, timeInUnit, type TimeUnit } from '../analysis/sampleSheet.ts';
import type { MeasureKey, MeasureValues } from './measures.ts';

/** One tube's place in the experiment and its percentages. */
export interface TubeResult {
  /** The file name as the tables show it (unique within the experiment). */
  tube: string;
  annotation: SampleAnnotation;
  values: MeasureValues;
}

export interface Condition {
  key: string;
  cellLine: string;
  /** '' for untreated tubes. */
  compound: string;
  /** nM; 0 for untreated tubes; null when the sheet has none. */
  doseNm: number | null;
  timeH: number | null;
  label: string;
}

export interface ConditionGroup<T extends TubeResult = TubeResult> {
  condition: Condition;
  tubes: T[];
}

/** The units the experiment's tables use: the ones most tubes are written in. */
export interface DisplayUnits {
  dose: ConcentrationUnit;
  time: TimeUnit;
}

/** A tube's condition; null for staining controls. */
export function conditionOf(annotation: SampleAnnotation): Condition | null {
  if (isStainingControl(annotation.role)) return null;
  const untreated = annotation.role === 'untreated' || annotation.doseNm === 0;
  const cellLine = annotation.cellLine.trim();
  const compound = untreated ? '' : annotation.compound.trim();
  const doseNm = untreated ? 0 : annotation.doseNm;
  const label = annotation.label.trim();
  const key = JSON.stringify([cellLine.toLowerCase(), compound.toLowerCase(), doseNm, annotation.timeH, label.toLowerCase()]);
  return { key, cellLine, compound, doseNm, timeH: annotation.timeH, label };
}

function commonest<T>(values: readonly T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].toSorted((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

export function displayUnits(annotations: readonly SampleAnnotation[]): DisplayUnits {
  const treated = annotations.filter((a) => a.doseNm !== null && a.doseNm > 0);
  return { dose: commonest(treated.map((a) => a.doseUnit), 'nM'), time: commonest(annotations.filter((a) => a.timeH !== null).map((a) => a.timeUnit), 'h') };
}

export function doseIn(doseNm: number | null, units: DisplayUnits): number | null {
  return doseInUnit({ doseNm, doseUnit: units.dose });
}

export function timeIn(timeH: number | null, units: DisplayUnits): number | null {
  return timeInUnit({ timeH, timeUnit: units.time });
}

const amount = (value: number | null, unit: string) => (value === null ? '' : `${Number(value.toPrecision(6))} ${unit}`);

/** "MM1S · ixazomib 50 nM · 24 h · + Z-VAD" (untreated: "MM1S · untreated · 24 h"). */
export function conditionName(condition: Condition, units: DisplayUnits): string {
  const treatment = condition.doseNm === 0 ? 'untreated' : [condition.compound, amount(doseIn(condition.doseNm, units), units.dose)].filter((p) => p !== '').join(' ');
  return [condition.cellLine, treatment, amount(timeIn(condition.timeH, units), units.time), condition.label].filter((p) => p !== '').join(' · ') || 'no condition recorded';
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
const byNumber = (a: number | null, b: number | null) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY) || 0;

/** Cell line, then compound (untreated first), time, dose and label. */
export function compareConditions(a: Condition, b: Condition): number {
  return byText(a.cellLine, b.cellLine) || byText(a.compound, b.compound) || byNumber(a.timeH, b.timeH) || byNumber(a.doseNm, b.doseNm) || byText(a.label, b.label);
}

/** The tubes grouped by condition, in condition order, each group in tube order (staining controls left out). */
export function groupByCondition<T extends TubeResult>(tubes: readonly T[]): ConditionGroup<T>[] {
  const groups = new Map<string, ConditionGroup<T>>();
  for (const tube of tubes) {
    const condition = conditionOf(tube.annotation);
    if (!condition) continue;
    const group = groups.get(condition.key) ?? { condition, tubes: [] };
    group.tubes.push(tube);
    groups.set(condition.key, group);
  }
  return [...groups.values()].toSorted((a, b) => compareConditions(a.condition, b.condition));
}

export interface ReplicateSummary {
  mean: number;
  /** Sample standard deviation (n − 1); NaN for a single replicate. */
  sd: number;
  n: number;
}

/** Mean ± SD of the replicates that have the measure. */
export function summarise(values: readonly number[]): ReplicateSummary {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, n: 0 };
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? Number.NaN : Math.sqrt(finite.reduce((sum, v) => sum + (v - mean) * (v - mean), 0) / (n - 1));
  return { mean, sd, n };
}

export function summariseMeasure(group: ConditionGroup, key: MeasureKey): ReplicateSummary {
  return summarise(group.tubes.flatMap((t) => (t.values[key] === undefined ? [] : [t.values[key]])));
}
