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

/** Output is written in whole lines: a text without its final line break gets one. */
export function asLine(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(asLine(text)),
  err: (text) => process.stderr.write(asLine(text)),
};
