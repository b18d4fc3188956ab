import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fixtureFiles } from './fixtures.ts';
import { writeLabExperiment } from './labExperiment.ts';

/** Generates the large and the broken test files with the project's own CLI (built by `npm run build`). */
export default function globalSetup(): void {
  mkdirSync('fixtures', { recursive: true });
  if (!existsSync(fixtureFiles.million)) {
    execFileSync('node', ['bin/flowfate.js', 'simulate', '--assay', 'apoptosis', '--events', '1000000', '--dose', '50', '--time', '24', '--byte-order', 'little', '--out', fixtureFiles.million], { stdio: 'inherit' });
  }
  // A real file cut in the middle of its DATA segment, as an interrupted copy leaves it.
  const demo = readFileSync('public/demo/AnnV-PI_24h_000nM_R1.fcs');
  writeFileSync(fixtureFiles.broken, demo.subarray(0, Math.floor(demo.length * 0.6)));
  writeFileSync(fixtureFiles.notFcs, 'sample,FSC-A,SSC-A\n1,2,3\n');
  writeLabExperiment();
}
