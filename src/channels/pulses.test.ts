import { describe, expect, it } from 'vitest';
import { pulseParameter, pulsePartner } from './pulses.ts';

const named = (...names: string[]) => names.map((name) => ({ name, label: null }));

describe('pulseParameter', () => {
  it('reads BD, Beckman, Astrios, Stratedigm and iCyt pulse names', () => {
    expect(pulseParameter('FSC-A')).toEqual({ stem: 'FSC', kind: 'area', scale: null });
    expect(pulseParameter('FL3-H')).toEqual({ stem: 'FL3', kind: 'height', scale: null });
    expect(pulseParameter('PI-W')).toEqual({ stem: 'PI', kind: 'width', scale: null });
    expect(pulseParameter('FS INT LIN')).toEqual({ stem: 'FS', kind: 'area', scale: 'lin' });
    expect(pulseParameter('FS PEAK LIN')).toEqual({ stem: 'FS', kind: 'height', scale: 'lin' });
    expect(pulseParameter('FS TOF LIN')).toEqual({ stem: 'FS', kind: 'width', scale: 'lin' });
    expect(pulseParameter('FL2-Area')).toEqual({ stem: 'FL2', kind: 'area', scale: null });
    expect(pulseParameter('SSC1-Height')).toEqual({ stem: 'SSC1', kind: 'height', scale: null });
    expect(pulseParameter('FSC LinH')).toEqual({ stem: 'FSC', kind: 'height', scale: 'lin' });
    expect(pulseParameter('FL1 LogA')).toEqual({ stem: 'FL1', kind: 'area', scale: 'log' });
    expect(pulseParameter('FL1-Peak-Lin')).toEqual({ stem: 'FL1', kind: 'height', scale: 'lin' });
  });

  it('leaves plain readings without a kind, and multi-word stems whole', () => {
    expect(pulseParameter('FS')).toEqual({ stem: 'FS', kind: null, scale: null });
    expect(pulseParameter('FL1 Log')).toEqual({ stem: 'FL1', kind: null, scale: 'log' });
    expect(pulseParameter('PerCP-Cy5-5-A')).toEqual({ stem: 'PERCP CY5 5', kind: 'area', scale: null });
    expect(pulseParameter('Width')).toEqual({ stem: 'WIDTH', kind: null, scale: null });
  });
});

describe('pulsePartner', () => {
  it('pairs a DNA or scatter area with its width or height', () => {
    const calibur = named('FSC-H', 'SSC-H', 'FL1-H', 'FL2-H', 'FL2-A', 'FL2-W', 'FL3-H');
    expect(pulsePartner(calibur, 'FL2-A', 'width')).toBe('FL2-W');
    expect(pulsePartner(calibur, 'FL2-A', 'height')).toBe('FL2-H');
    expect(pulsePartner(calibur, 'FSC-H', 'area')).toBeNull();
    const gallios = named('FS INT LIN', 'SS INT LIN', 'FL3 INT LIN', 'FL3 PEAK LIN', 'FS PEAK LIN', 'FS TOF LIN');
    expect(pulsePartner(gallios, 'FL3 INT LIN', 'height')).toBe('FL3 PEAK LIN');
    expect(pulsePartner(gallios, 'FS INT LIN', 'width')).toBe('FS TOF LIN');
  });

  it('prefers the partner on the same amplification', () => {
    const stratedigm = named('FSC LogH', 'FSC LinH', 'FSC LogA', 'FSC LinA');
    expect(pulsePartner(stratedigm, 'FSC LinA', 'height')).toBe('FSC LinH');
    expect(pulsePartner(stratedigm, 'FSC LogA', 'height')).toBe('FSC LogH');
  });
});
