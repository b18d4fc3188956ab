/** Where a command writes; tests pass their own to capture output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit status. */
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * Characters a terminal would act on instead of showing: C0 controls but tab and line breaks, a carriage return
 * not ending a line, DEL, C1 controls (U+0080–U+009F, e.g. CSI) and the bidirectional overrides and isolates.
 */
// oxlint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * What the CLI prints: whole lines (a text without its final line break gets one), with every unprintable
 * character (keyword values and file names come from files and users) shown as a \uXXXX escape, which is also
 * how JSON writes it, so JSON output stays valid and means the same.
 */
export function printableLine(text: string): string {
  const printable = text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return printable.endsWith('\n') ? printable : `${printable}\n`;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(printableLine(text)),
  err: (text) => process.stderr.write(printableLine(text)),
};
