import { formatNumber } from '../export/table.ts';

/** Number formats shared by tables and labels (fixed locale so exports and screenshots do not vary by machine). */
const counts = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return counts.format(n);
}

export function formatPercent(p: number, digits = 2): string {
  return Number.isFinite(p) ? `${p.toFixed(digits)}%` : '–';
}

/** A dose or time as the tables show it: up to 6 significant digits, blank when unknown. */
export function formatCondition(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatNumber(value, 'significant');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}
