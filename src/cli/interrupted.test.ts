/**
 * The CLI as a process, interrupted while writing: an output is complete under its final name or absent.
 * Builds the CLI bundle into a temporary folder first (a few seconds), as `npm run build:cli` does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFcs } from '../fcs/write.ts';
import { stringifyGatingStrategy } from '../gating/strategyJson.ts';

const EVENTS = 3_000_000;
let cli = '';
let input = { fcs: '', gates: '' };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowfate-interrupted-'));
  mkdirSync(join('node_modules', '.tmp'), { recursive: true });
  // Inside the checkout, so the bundle finds its dependencies in node_modules.
  const outDir = mkdtempSync(join('node_modules', '.tmp', 'flowfate-cli-'));
  await build({ configFile: 'vite.cli.config.ts', logLevel: 'silent', build: { outDir } });
  cli = join(outDir, 'flowfate.js');
  input = { fcs: join(dir, 'big tube.fcs'), gates: join(dir, 'gates.json') };
  writeFileSync(input.fcs, writeFcs({ channels: [{ name: 'X', range: 1024 }], columns: [Float32Array.from({ length: EVENTS }, (_, i) => i % 1024)] }));
  const x = { source: { kind: 'channel', name: 'X' }, compensation: 'uncompensated', transform: null } as const;
  writeFileSync(input.gates, stringifyGatingStrategy({ version: 1, transforms: {}, ratios: {}, compensations: {}, gates: [{ kind: 'rectangle', id: 'low', name: 'Low', parentId: null, bounds: [{ dimension: x, min: null, max: 500 }] }] }));
}, 120_000);

afterAll(() => rmSync(join(cli, '..'), { recursive: true, force: true }));

/** Starts `analyze --events DIR` and sends `signal` as soon as the events file is being written. */
async function interruptEventsWrite(signal: NodeJS.Signals): Promise<{ dir: string; status: number | null; seenSignal: NodeJS.Signals | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'flowfate-events-'));
  const child: ChildProcess = spawn(process.execPath, [cli, 'analyze', input.fcs, '--gating', input.gates, '--events', dir], { stdio: 'ignore' });
  const ended = new Promise<{ status: number | null; seenSignal: NodeJS.Signals | null }>((resolve) => child.on('exit', (status, seenSignal) => resolve({ status, seenSignal })));
  for (;;) {
    if (readdirSync(dir).some((name) => name.endsWith('.partial'))) break;
    if (child.exitCode !== null) throw new Error('the run ended before it started writing: make the input larger');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill(signal);
  return { dir, ...(await ended) };
}

describe('an interrupted `flowfate analyze --events`', () => {
  it('killed outright leaves no events file under its final name (only a hidden .partial)', async () => {
    const { dir, seenSignal } = await interruptEventsWrite('SIGKILL');
    expect(seenSignal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'big tube.events.csv'))).toBe(false);
    expect(readdirSync(dir).every((name) => name.startsWith('.big tube.events.csv.') && name.endsWith('.partial'))).toBe(true);
  });

  it('stopped by Ctrl+C or a termination signal removes its unfinished file and exits 128 + signal', async () => {
    for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const run = await interruptEventsWrite(signal);
      expect(run.status).toBe(status);
      expect(readdirSync(run.dir)).toEqual([]);
    }
  });

  it('completes the file when not interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowfate-events-'));
    const child = spawn(process.execPath, [cli, 'analyze', input.fcs, '--gating', input.gates, '--events', dir], { stdio: 'ignore' });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(readdirSync(dir)).toEqual(['big tube.events.csv']);
  });
});
