import { processIo, type CliIo, type Command } from './command.ts';
import { apoptosisCommand } from './commands/apoptosis.ts';
import { cellcycleCommand } from './commands/cellcycle.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { demoCommand } from './commands/demo.ts';
import { doseresponseCommand } from './commands/doseresponse.ts';
import { reportCommand } from './commands/report.ts';
import { inspectCommand } from './commands/inspect.ts';
import { simulateCommand } from './commands/simulate.ts';

const commands: Command[] = [inspectCommand, demoCommand, simulateCommand, analyzeCommand, apoptosisCommand, cellcycleCommand, doseresponseCommand, reportCommand];

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: flowfate <command> [options]', '', 'Commands:', ...lines, '', 'Run `flowfate <command> --help` for its options.'].join('\n');
}

/** Dispatches `flowfate <command> ...`; resolves to the exit status. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`flowfate: unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  return command.run(args, io);
}
