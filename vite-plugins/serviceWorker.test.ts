import { describe, expect, it } from 'vitest';
import { buildManifest } from './serviceWorker.ts';

describe('the service worker build manifest', () => {
  const build = new Map<string, string | Uint8Array>([
    ['index.html', '<html>'],
    ['assets/index-abc.js', 'code'],
    ['sw.js', 'worker'],
    ['_headers', '/*'],
    ['icons/icon-192.png', Uint8Array.of(1, 2, 3)],
  ]);

  it('lists every served file of the build, sorted, but not the worker itself or the host header file', () => {
    expect(buildManifest(build).files).toEqual(['assets/index-abc.js', 'icons/icon-192.png', 'index.html']);
  });

  it('gives a new version when any listed file changes, and the same one otherwise', () => {
    const { version } = buildManifest(build);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildManifest(new Map(build)).version).toBe(version);
    expect(buildManifest(new Map([...build, ['index.html', '<html lang="en">']])).version).not.toBe(version);
    expect(buildManifest(new Map([...build, ['icons/icon-192.png', Uint8Array.of(1, 2, 4)]])).version).not.toBe(version);
  });
});
