import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from './command.ts';
import { runCli } from './main.ts';
import { runCaptured } from './runCaptured.fixtures.ts';

/** A bug as it surfaces in JavaScript: a TypeError no command expects. */
async function fault(): Promise<number> {
  throw new TypeError("Cannot read properties of undefined (reading 'length')");
}
const BROKEN = { broken: async () => ({ name: 'broken', summary: '', usage: '', run: fault }) };

/** `flowfate broken x.fcs`, with what it wrote to standard error. */
async function runBroken(): Promise<{ status: number; err: string }> {
  let err = '';
  const io: CliIo = { out: () => undefined, err: (text) => (err += text) };
  return { status: await runCli(['broken', 'x.fcs'], io, BROKEN), err };
}

const NAMES = ['inspect', 'demo', 'simulate', 'analyze', 'apoptosis', 'cellcycle', 'doseresponse', 'report'];

describe('flowfate', () => {
  it('lists every command with its summary', async () => {
    const { status, out } = await runCaptured(['--help']);
    expect(status).toBe(0);
    const listed = out.split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(/\s+/)[0]);
    expect(listed).toEqual(NAMES);
  });

  it.each(NAMES)('loads %s when it is asked for', async (name) => {
    const { status, out } = await runCaptured([name, '--help']);
    expect(status).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: flowfate ${name} `));
  });

  it('refuses an unknown command (or an inherited property name) with the list, status 2', async () => {
    for (const name of ['inspekt', 'constructor', 'toString']) {
      const { status, err } = await runCaptured([name]);
      expect(status).toBe(2);
      expect(err).toContain(`unknown command "${name}"`);
      expect(err).toContain('Commands:');
    }
  });

  it('shows the help with status 2 when no command is given', async () => {
    expect((await runCaptured([])).status).toBe(2);
  });

  describe('a fault inside a command', () => {
    afterEach(() => vi.unstubAllEnvs());

    it('is said in words with status 1, without its internal text', async () => {
      vi.stubEnv('FLOWFATE_DEBUG', '');
      const { status, err } = await runBroken();
      expect(status).toBe(1);
      expect(err).toBe('flowfate broken: stopped by a fault in FlowFate itself, not in your files; please report it with the command you ran (run it again with FLOWFATE_DEBUG=1 to see the details).');
    });

    it('shows the internal text with FLOWFATE_DEBUG=1', async () => {
      vi.stubEnv('FLOWFATE_DEBUG', '1');
      expect((await runBroken()).err).toMatch(/not in your files; please report it with the command you ran\.\nTypeError: Cannot read properties of undefined/);
    });
  });
});
