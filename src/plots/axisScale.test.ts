import { describe, expect, it } from 'vitest';
import { axisScale } from './axisScale.ts';

describe('axisScale', () => {
  it('maps a linear axis onto pixels, y upwards when the range is reversed', () => {
    const y = axisScale({ channel: 'FSC-A', compensation: 'uncompensated', scale: null, domain: [0, 1000] }, [200, 0]);
    expect(y.toPixel(0)).toBe(200);
    expect(y.toPixel(250)).toBe(150);
    expect(y.toData(100)).toBe(500);
    expect(y.ticks.every((t) => t.pixel >= 0 && t.pixel <= 200)).toBe(true);
  });

  it('places logicle decades by the transform: T at the far end, and round-trips pixels', () => {
    const axis = { channel: 'FITC-A', compensation: 'FCS', scale: { kind: 'logicle', T: 262144, W: 0.5, M: 4.5, A: 0 }, domain: [-150, 262144] } as const;
    const x = axisScale({ ...axis, domain: [...axis.domain] }, [0, 400]);
    expect(x.toPixel(262144)).toBeCloseTo(400, 9);
    expect(x.toData(x.toPixel(1234))).toBeCloseTo(1234, 6);
    const labelled = x.ticks.filter((t) => t.label).map((t) => t.label);
    expect(labelled).toContain('10^4');
    expect(labelled).toContain('0');
  });
});
