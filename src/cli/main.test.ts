import { describe, expect, it } from 'vitest';
import { runCaptured } from './runCaptured.fixtures.ts';

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
});
