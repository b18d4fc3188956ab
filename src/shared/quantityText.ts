/**
 * A number as people type or paste it into a cell: "12.5", "12,5" (decimal comma), "1,000,000", "1e-3", with a
 * unit after it ("50 nM", "0,5µM", "24 h", "87.3 %"). Anything else is not a number: "10 20 50" (a column pasted
 * into one cell) is refused rather than read as 102050.
 */
export interface QuantityText {
  value: number;
  /** What followed the number, trimmed; '' when nothing did. */
  unit: string;
}

export interface QuantityOptions {
  /**
   * How to read "1,000": a decimal comma (1.0) when the text comes from a semicolon-separated file or a locale that
   * writes decimal commas, thousands (1000) otherwise. "1,5" and "0,25" are always decimal commas.
   */
  decimalComma?: boolean;
}

const NUMBER_AND_UNIT = /^([-+]?(?:\d[\d,.\u00a0\u202f' ]*\d|\d)(?:[eE][-+]?\d+)?|[-+]?[.,]\d+(?:[eE][-+]?\d+)?)\s*([^\d\s].*)?$/;

function readDigits(digits: string, decimalComma: boolean): number {
  // Spaces and apostrophes group thousands ("1 000 000", "1'000"); anything else with a space is several numbers.
  if (/[\u00a0\u202f' ]/.test(digits) && !/^[-+]?\d{1,3}([\u00a0\u202f' ]\d{3})+([.,]\d+)?$/.test(digits)) return Number.NaN;
  const compact = digits.replace(/[\u00a0\u202f' ]/g, '');
  const commas = (compact.match(/,/g) ?? []).length;
  const dots = (compact.match(/\./g) ?? []).length;
  let normalised = compact;
  if (commas > 0 && dots > 0) {
    // Whichever separator comes last is the decimal one: "1,234.5" or "1.234,5".
    normalised = compact.lastIndexOf(',') > compact.lastIndexOf('.') ? compact.replaceAll('.', '').replace(',', '.') : compact.replaceAll(',', '');
  } else if (commas > 1) {
    if (!/^[-+]?\d{1,3}(,\d{3})+$/.test(compact)) return Number.NaN;
    normalised = compact.replaceAll(',', '');
  } else if (commas === 1) {
    const thousands = /^[-+]?\d{1,3},\d{3}$/.test(compact) && !decimalComma;
    normalised = thousands ? compact.replace(',', '') : compact.replace(',', '.');
  } else if (dots > 1) {
    if (!/^[-+]?\d{1,3}(\.\d{3})+$/.test(compact)) return Number.NaN;
    normalised = compact.replaceAll('.', '');
  }
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** The number and unit in a cell, or null when the cell holds no single number. */
export function parseQuantity(text: string, options: QuantityOptions = {}): QuantityText | null {
  const trimmed = text.trim();
  const match = NUMBER_AND_UNIT.exec(trimmed);
  if (!match) return null;
  const value = readDigits(match[1], options.decimalComma ?? false);
  if (!Number.isFinite(value)) return null;
  return { value, unit: (match[2] ?? '').trim() };
}
