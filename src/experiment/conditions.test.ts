import { describe, expect, it } from 'vitest';
import { emptyAnnotation, type SampleAnnotation } from '../analysis/sampleSheet.ts';
import { conditionName, conditionOf, displayUnits, groupByCondition, summarise, type TubeResult } from './conditions.ts';

const sheet = (change: Partial<SampleAnnotation>): SampleAnnotation => ({ ...emptyAnnotation(), assay: 'apoptosis', cellLine: 'MM1S', compound: 'Ixa', timeH: 24, ...change });
const tube = (name: string, change: Partial<SampleAnnotation>, viable?: number): TubeResult => ({ tube: name, annotation: sheet(change), values: viable === undefined ? {} : { viable } });

describe('conditions', () => {
  it('groups replicates of both assays by cell line, compound, concentration, time and label; controls belong to none', () => {
    const groups = groupByCondition([
      tube('a', { doseNm: 50, replicate: '1' }, 40),
      tube('b', { doseNm: 50, replicate: '2', cellLine: 'mm1s ' }, 44),
      tube('c', { doseNm: 50, assay: 'cellCycle' }),
      tube('d', { doseNm: 50, label: '+ Z-VAD' }, 80),
      tube('e', { role: 'untreated', doseNm: null, compound: 'DMSO' }, 90),
      tube('f', { doseNm: 0 }, 92),
      tube('g', { role: 'piOnly', doseNm: 0 }, 1),
      tube('h', { doseNm: 10, timeH: 48 }, 60),
    ]);
    expect(groups.map((g) => g.tubes.map((t) => t.tube))).toEqual([['e', 'f'], ['a', 'b', 'c'], ['d'], ['h']]);
    expect(groups[0].condition).toMatchObject({ compound: '', doseNm: 0, timeH: 24 });
  });

  it('names conditions in the units most tubes are written in', () => {
    const annotations = [sheet({ doseNm: 500, doseUnit: 'µM' }), sheet({ doseNm: 1000, doseUnit: 'µM' }), sheet({ doseNm: 50 }), sheet({ doseNm: 0, role: 'untreated' })];
    const units = displayUnits(annotations);
    expect(units).toEqual({ dose: 'µM', time: 'h' });
    const [first, , third, fourth] = annotations.map((a) => conditionOf(a));
    if (!first || !third || !fourth) throw new Error('no condition');
    expect(conditionName(first, units)).toBe('MM1S · Ixa 0.5 µM · 24 h');
    expect(conditionName(third, units)).toBe('MM1S · Ixa 0.05 µM · 24 h');
    expect(conditionName(fourth, units)).toBe('MM1S · untreated · 24 h');
    expect(conditionName({ key: '', cellLine: '', compound: '', doseNm: null, timeH: null, label: '' }, units)).toBe('no condition recorded');
  });

  it('gives mean, sample SD (n − 1) and n of the replicates that have the number', () => {
    const { mean, sd, n } = summarise([40, 44, 48, Number.NaN]);
    expect([mean, n]).toEqual([44, 3]);
    expect(sd).toBeCloseTo(4, 12);
    expect(summarise([7])).toEqual({ mean: 7, sd: Number.NaN, n: 1 });
    expect(summarise([])).toEqual({ mean: Number.NaN, sd: Number.NaN, n: 0 });
  });
});
