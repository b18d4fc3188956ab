import { printableLine } from './command.ts';
import { runCli } from './main.ts';

export interface CapturedRun {
  status: number;
  out: string;
  err: string;
}

/** Runs `flowfate <argv>` in-process, capturing standard output and error as the terminal would show them. */
export async function runCaptured(argv: string[]): Promise<CapturedRun> {
  let out = '';
  let err = '';
  const status = await runCli(argv, { out: (text) => (out += printableLine(text)), err: (text) => (err += printableLine(text)) });
  return { status, out, err };
}
