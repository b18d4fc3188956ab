/**
 * Builds the service worker (src/offline/serviceWorker.ts) as /sw.js, given the list of the build's files to keep
 * offline and a version that changes whenever any of them does (so a new build is a new cache, never a mix).
 * The demo experiment is left out of the list (63 MB): it is kept the first time it is opened.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

const SOURCE = 'src/offline/serviceWorker.ts';
const OUTPUT = 'sw.js';
/** Build outputs that are not part of the app: the static host's header file. */
const NOT_SERVED = new Set([OUTPUT, '_headers']);
const FETCHED_WHEN_USED = ['demo/'];

function publicFiles(dir: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split(sep).join('/')];
    });
  return walk(dir).filter((file) => !FETCHED_WHEN_USED.some((prefix) => file.startsWith(prefix)));
}

/** The build manifest the service worker reads: files relative to its scope, and their combined hash. */
export function buildManifest(contents: ReadonlyMap<string, string | Uint8Array>): { version: string; files: string[] } {
  const files = [...contents.keys()].filter((file) => !NOT_SERVED.has(file)).toSorted();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(contents.get(file)!).update('\0');
  return { version: hash.digest('hex').slice(0, 16), files };
}

export function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'flowfate-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: SOURCE, fileName: OUTPUT });
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const contents = new Map<string, string | Uint8Array>();
        for (const [file, output] of Object.entries(bundle)) contents.set(file, output.type === 'chunk' ? output.code : output.source);
        if (publicDir) for (const file of publicFiles(publicDir)) contents.set(file, readFileSync(join(publicDir, file)));
        const worker = bundle[OUTPUT];
        if (worker?.type !== 'chunk') throw new Error(`${OUTPUT} was not built`);
        worker.code = `const FLOWFATE_BUILD = ${JSON.stringify(buildManifest(contents))};\n${worker.code}`;
      },
    },
  };
}
