import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The shared real-file corpus lives beside the project (../shared/corpus) and is never copied into it.
 * FLOWFATE_CORPUS overrides the location.
 */
export const corpusDir =
  process.env.FLOWFATE_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

export const corpusAvailable = existsSync(corpusDir);

/**
 * `describe` that reports a clear skip, instead of failing, when the shared corpus is absent. The body is not even
 * run then (Vitest runs the bodies of skipped suites to collect their tests, and these bodies read the corpus).
 */
export function describeWithCorpus(name: string, body: () => void): void {
  if (corpusAvailable) describe(name, body);
  else describe(name, () => it.skip(`skipped: the shared corpus is not at ${corpusDir}`));
}
