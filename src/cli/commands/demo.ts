import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFcs } from '../../fcs/write.ts';
import { DEMO_BASE_SEED, demoExperiment, demoManifest, simulateDemoFile, type DemoTruth } from '../../simulate/experiment.ts';
import { assertValidSeed } from '../../simulate/rng.ts';
import { describeTruth } from '../../simulate/truthSummary.ts';
import type { CliIo, Command } from '../command.ts';
import { writeOutputFile } from '../files.ts';

const USAGE = `Usage: flowfate demo DIR [--seed S] [--quiet]

Writes the simulated demo experiment into DIR (created if missing): an ixazomib-like series
(0, 10, 20, 50, 100 nM x 24 h and 48 h, three replicate cultures each) of Annexin V-FITC/PI and
PI DNA-content FCS 3.1 files from a simulated FACSCanto II, the unstained, Annexin V-only and
PI-only controls, and DIR/manifest.json, a versioned sample sheet with the true fractions behind
every file.

  --seed S   base seed, 0 to 4294967295 (default ${DEMO_BASE_SEED}); the same seed gives the same files
  --quiet    print only the summary line
Exit status: 0 when every file was written, 1 when any could not be, 2 on bad usage.`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Write the simulated demo experiment (FCS files + manifest.json with the true fractions)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let dir: string;
    let baseSeed: number;
    let quiet: boolean;
    try {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { seed: { type: 'string' }, quiet: { type: 'boolean' } } });
      if (positionals.length !== 1) throw new TypeError(positionals.length === 0 ? 'the output folder DIR is required' : `one folder expected, got ${positionals.length}`);
      dir = positionals[0];
      baseSeed = values.seed === undefined ? DEMO_BASE_SEED : values.seed.trim() === '' ? Number.NaN : Number(values.seed);
      assertValidSeed(baseSeed, '--seed');
      quiet = values.quiet ?? false;
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) {
        io.err(`flowfate demo: ${error.message}\n\n${USAGE}`);
        return 2;
      }
      throw error;
    }

    const started = performance.now();
    const experiment = demoExperiment(baseSeed);
    const truths: DemoTruth[] = [];
    let bytesWritten = 0;
    try {
      await mkdir(dir, { recursive: true });
      for (const spec of experiment.files) {
        const sample = simulateDemoFile(spec);
        // Big-endian float32, as FACSDiva exports.
        const bytes = writeFcs(sample.input, { byteOrder: 'big' });
        await writeOutputFile(join(dir, spec.fileName), bytes);
        bytesWritten += bytes.length;
        truths.push(sample.truth);
        if (!quiet) io.out(`${spec.fileName}: ${describeTruth(sample.truth)}`);
      }
      await writeOutputFile(join(dir, 'manifest.json'), `${JSON.stringify(demoManifest(experiment, truths), null, 2)}\n`);
    } catch (error) {
      io.err(`flowfate demo: cannot write into "${dir}": ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(`Wrote ${experiment.files.length} FCS files (${(bytesWritten / 1e6).toFixed(1)} MB) and manifest.json to ${dir} in ${seconds} s.`);
    return 0;
  },
};
