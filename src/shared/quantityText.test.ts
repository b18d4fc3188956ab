import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantityText.ts';

describe('numbers in cells', () => {
  it('reads plain numbers, decimal commas, thousands separators and exponents', () => {
    expect(['12.5', '12,5', '0,25', '-3', '.5', '1e-3', '2.5E+2', '1,234.5', '1.234,5', '1,000,000', '1 000', '7', '1\'000'].map((t) => parseQuantity(t)?.value)).toEqual([
      12.5, 12.5, 0.25, -3, 0.5, 0.001, 250, 1234.5, 1234.5, 1_000_000, 1000, 7, 1000,
    ]);
    expect(parseQuantity('1,000')?.value).toBe(1000);
    expect(parseQuantity('1,000', { decimalComma: true })?.value).toBe(1);
  });

  it('reads the unit after the number', () => {
    expect(parseQuantity(' 50 nM ')).toEqual({ value: 50, unit: 'nM' });
    expect(parseQuantity('0,5µM')).toEqual({ value: 0.5, unit: 'µM' });
    expect(parseQuantity('87.3 %')).toEqual({ value: 87.3, unit: '%' });
    expect(parseQuantity('24h')).toEqual({ value: 24, unit: 'h' });
  });

  it('refuses cells that hold no single number, such as a column pasted into one cell', () => {
    expect(['', 'n/a', 'ten', '10 20 50 100', '10\n20', '1.2.3', '1,2,3', 'nM 50'].map((t) => parseQuantity(t))).toEqual(Array(8).fill(null));
  });
});
