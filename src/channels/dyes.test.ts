import { describe, expect, it } from 'vitest';
import { channelDyes, describeChannel, dyeFor, dyeNamed } from './dyes.ts';

const dyes = (name: string, label: string | null = null) => channelDyes({ name, label }).map((d) => d.dye);

describe('the dye catalogue', () => {
  it('finds Annexin V on any conjugate, in $PnS or $PnN', () => {
    for (const label of ['Annexin V', 'Annexin V-APC', 'AnnV-FITC', 'Annexin-V Pacific Blue', 'ANXA5 BV421', 'AnnexinV AF488', 'Annexin 5']) {
      expect(dyeFor({ name: 'X-A', label }, 'annexin'), label).not.toBeNull();
    }
    expect(dyeFor({ name: 'Annexin V-PE-A', label: null }, 'annexin')?.source).toBe('$PnN');
  });

  it('reads a dye from any part of a longer label, and "viability" restricts it to viability', () => {
    const sevenAad = channelDyes({ name: 'BL 695/40-A', label: 'viability;7-AAD;695/40@488/A' });
    expect(sevenAad.map((d) => d.dye)).toEqual(['7-AAD', 'viability dye']);
    expect(sevenAad[0]).toEqual({ dye: '7-AAD', uses: ['viability'], source: '$PnS' });
    expect(dyeFor({ name: 'FL1', label: 'PI' }, 'dna')).toEqual({ dye: 'PI', uses: ['viability', 'dna'], source: '$PnS' });
    expect(dyes('FL1 (PI)')).toEqual(['PI']);
  });

  it('knows the viability and DNA dyes labs use, including a common misspelling', () => {
    expect(dyes('X', 'Propidium iodide')).toEqual(['PI']);
    expect(dyes('X', 'DAPI')).toEqual(['DAPI']);
    expect(dyes('X', 'SYTOX Green')).toEqual(['SYTOX']);
    expect(dyes('X', 'DRAQ5')).toEqual(['DRAQ5']);
    expect(dyes('X', 'DRAQ7')).toEqual(['DRAQ7']);
    expect(dyes('X', 'Hoechst 33342')).toEqual(['Hoechst']);
    expect(dyes('Hoescht')).toEqual(['Hoechst']);
    expect(dyes('X', 'FxCycle Violet')).toEqual(['FxCycle']);
    expect(dyes('X', 'Vybrant DyeCycle Orange')).toEqual(['DyeCycle']);
    expect(dyes('X', 'Zombie Aqua')).toEqual(['fixable viability dye']);
    expect(dyes('X', 'LIVE/DEAD Near-IR')).toEqual(['LIVE/DEAD']);
    expect(dyeFor({ name: 'X', label: 'Zombie NIR' }, 'dna')).toBeNull();
    expect(dyeFor({ name: 'X', label: 'Hoechst' }, 'viability')).toBeNull();
  });

  it('does not read dyes into other words or detectors', () => {
    expect(dyes('FITC-A')).toEqual([]);
    expect(dyes('PE-Cy5-A')).toEqual([]);
    expect(dyes('X', 'PIPES buffer')).toEqual([]);
    expect(dyes('X', 'API-2')).toEqual([]);
    expect(dyes('(Ir191)Di', 'DNA1')).toEqual([]);
    expect(dyes('SSC-A')).toEqual([]);
  });

  it('names a channel with its stain for messages', () => {
    expect(describeChannel({ name: 'FL1-H', label: 'PI' })).toBe('FL1-H (PI)');
    expect(describeChannel({ name: 'FSC-H', label: 'FSC-H' })).toBe('FSC-H');
    expect(describeChannel({ name: 'FL2-H', label: null })).toBe('FL2-H');
  });
});

describe('dyeNamed', () => {
  it('is the dye a whole text names, and null for a channel name that contains one', () => {
    expect(dyeNamed(' 7-AAD ')).toBe('7-AAD');
    expect(dyeNamed('Propidium iodide')).toBe('PI');
    expect(dyeNamed('PI-W')).toBeNull();
    expect(dyeNamed('FITC-A')).toBeNull();
  });
});
