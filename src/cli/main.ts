import type { CliIo, Command } from './command.ts';
import { processIo } from './command.ts';

/**
 * Every command's module, loaded only when it runs: `flowfate inspect` then starts without compiling the analyses,
 * the simulator and the workbook writer (a tenth of a second, a quarter of inspecting a 5M-event file; issue 14).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  inspect: () => import('./commands/inspect.ts').then((m) => m.inspectCommand),
  demo: () => import('./commands/demo.ts').then((m) => m.demoCommand),
  simulate: () => import('./commands/simulate.ts').then((m) => m.simulateCommand),
  analyze: () => import('./commands/analyze.ts').then((m) => m.analyzeCommand),
  apoptosis: () => import('./commands/apoptosis.ts').then((m) => m.apoptosisCommand),
  cellcycle: () => import('./commands/cellcycle.ts').then((m) => m.cellcycleCommand),
  doseresponse: () => import('./commands/doseresponse.ts').then((m) => m.doseresponseCommand),
  report: () => import('./commands/report.ts').then((m) => m.reportCommand),
};

export async function helpText(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: flowfate <command> [options]', '', 'Commands:', ...lines, '', 'Run `flowfate <command> --help` for its options.'].join('\n');
}

/** Dispatches `flowfate <command> ...`; resolves to the exit status. Tests may pass their own `commands`. */
export async function runCli(argv: string[], io: CliIo = processIo, commands: Record<string, () => Promise<Command>> = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await helpText());
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.err(`flowfate: unknown command "${name}".\n\n${await helpText()}`);
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // Every failure a command expects (a file, a flag, an analysis) is its own sentence and status; what reaches here
    // is a fault of FlowFate's, said in words (issue 10 item 6), its internal text only when asked for.
    const details = process.env.FLOWFATE_DEBUG ? `.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ' (run it again with FLOWFATE_DEBUG=1 to see the details).';
    io.err(`flowfate ${name}: stopped by a fault in FlowFate itself, not in your files; please report it with the command you ran${details}`);
    return 1;
  }
}
