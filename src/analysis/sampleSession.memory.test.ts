/** Memory close to the data (issue 14): float32 files are read, gated and drawn without copies of their columns. */
import { describe, expect, it } from 'vitest';
import { readFcs } from '../fcs/read.ts';
import { writeFcs } from '../fcs/write.ts';
import { scaleOf } from '../transforms/transform.ts';
import type { AxisSpec } from './axes.ts';
import { displayValues, SampleSession } from './sampleSession.ts';

const linear: AxisSpec = { channel: 'FSC-A', compensation: 'uncompensated', scale: null, domain: [0, 262144] };
const logicle: AxisSpec = { ...linear, channel: 'FITC-A', scale: { kind: 'logicle', T: 262144, W: 0.5, M: 4.5, A: 0 }, domain: [-100, 262144] };
const arcsinh: AxisSpec = { ...linear, scale: { kind: 'arcsinh', cofactor: 150 }, domain: [-750, 262144] };

describe('displayValues', () => {
  it('draws a linear axis of float32 data from the data itself', () => {
    const values = Float32Array.of(1, 2.5, 1e5);
    expect(displayValues(values, linear)).toBe(values);
  });

  it('rounds float64 data and closed-form scales to float32 exactly as copying a float64 result would', () => {
    const values = Float64Array.of(-300.123456789, 0, 0.1, 1234.56789012, 262143.99);
    expect([...displayValues(values, linear)]).toEqual([...Float32Array.from(values)]);
    const expected = Float32Array.from(scaleOf(arcsinh.scale!).applyToColumn(values, new Float64Array(values.length)));
    expect([...displayValues(values, arcsinh)]).toEqual([...expected]);
  });

  it('gives a new float32 column for an iterative scale, within a display pixel of the exact transform', () => {
    const values = Float32Array.of(-80, 0, 50, 5000, 200000);
    const display = displayValues(values, logicle);
    expect(display).toBeInstanceOf(Float32Array);
    expect(display).not.toBe(values);
    const scale = scaleOf(logicle.scale!);
    values.forEach((v, i) => expect(Math.abs(display[i] - scale.apply(v))).toBeLessThan(1e-3));
  });
});

describe('SampleSession over a float32 file', () => {
  it('keeps float32 columns and reads uncompensated channels as those columns, without copies', () => {
    const columns = [Float32Array.of(1, 2, 3, 4), Float32Array.of(10, 20, 30, 40)];
    const [dataset] = readFcs(writeFcs({ channels: [{ name: 'FSC-A', range: 262144 }, { name: 'FITC-A', range: 262144 }], columns })).datasets;
    expect(dataset.columns.every((column) => column instanceof Float32Array)).toBe(true);
    const session = new SampleSession(dataset);
    expect(session.values({ channel: 'FSC-A', compensation: 'uncompensated' })).toBe(dataset.columns[0]);
    expect(session.values({ channel: 'FITC-A', compensation: 'uncompensated' })).toBe(dataset.columns[1]);
    expect(session.density(null, linear, { ...linear, channel: 'FITC-A' }, 4).total).toBe(4);
  });
});
