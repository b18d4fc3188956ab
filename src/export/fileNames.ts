/**
 * Names of exported files: what they hold, after the experiment's name and the day, so the workbook, tables and
 * figures of one experiment sort together and ten tubes' figures never overwrite each other.
 */

/** Characters Windows, macOS or Linux refuse in file names, and runs of spaces, become one space. */
export function safeFileName(name: string): string {
  // oxlint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "2026-12-03" in the computer's own calendar day. */
const pad = (n: number) => String(n).padStart(2, '0');

export function dayStamp(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * "Ixazomib series 2026-12-03 conditions.csv": the experiment's name (left out when it has none), the day, and what
 * the file holds; at most 150 characters before the extension.
 */
export function exportFileName(experimentName: string, date: Date, what: string, extension: string): string {
  return `${exportFileStem(experimentName, date, what)}.${extension}`;
}

/** The name without its extension, for exports offered in several formats. */
export function exportFileStem(experimentName: string, date: Date, what: string): string {
  return safeFileName([experimentName, dayStamp(date), what].filter((part) => part.trim() !== '').join(' ')).slice(0, 150).trim();
}
