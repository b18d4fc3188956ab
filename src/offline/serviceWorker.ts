/**
 * The service worker: FlowFate works offline and installs as an app. The build (vite-plugins/serviceWorker.ts)
 * writes this file as /sw.js with the list of the build's files and a version that changes with any of them.
 *
 * - Install: the build's files are stored in a cache of this version; the page is used from it from then on.
 * - A new version waits until the page says the user agreed to reload (src/engine/appUpdates.ts): a running page is
 *   never switched to another version's files under its feet.
 * - The demo experiment (63 MB) is not part of the install: a page asks for it once this version is active, and it
 *   is stored in the background (KEEP_DEMO), so the demo opens offline after the first visit.
 * - Other same-origin GET requests (files fetched by a reopened workspace) are stored the first time they are
 *   fetched, so what was opened once opens offline too.
 */
/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope;

interface BuildManifest {
  version: string;
  files: string[];
}
/** Replaced by the build; the development server never registers this worker. */
declare const FLOWFATE_BUILD: BuildManifest;

const CACHE_PREFIX = 'flowfate-';
const cacheName = `${CACHE_PREFIX}${FLOWFATE_BUILD.version}`;
const scope = new URL(self.registration.scope);
const pageUrl = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(FLOWFATE_BUILD.files.map((file) => new URL(file, scope).href))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== cacheName) await caches.delete(name);
      // The first version takes the page that installed it at once (it was served by the network, not by another version).
      await self.clients.claim();
    })(),
  );
});

/** Stores the demo experiment's manifest and every file it lists, skipping what is stored already. */
async function keepDemo(): Promise<void> {
  const cache = await caches.open(cacheName);
  const manifestUrl = new URL('demo/manifest.json', scope).href;
  const response = await fetch(manifestUrl);
  if (!response.ok) return;
  const manifest = (await response.clone().json()) as { files: { fileName: string }[] };
  await cache.put(manifestUrl, response);
  for (const { fileName } of manifest.files) {
    // A newer version is waiting: it cannot take over while this work goes on, and it keeps its own copy.
    if (self.registration.installing || self.registration.waiting) return;
    const url = new URL(`demo/${fileName}`, scope).href;
    if (!(await cache.match(url, { ignoreVary: true }))) await cache.add(url);
  }
}

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  // Best effort: offline, or with the server gone, the demo is simply kept another time.
  if (type === 'KEEP_DEMO') event.waitUntil(keepDemo().catch(() => undefined));
});

/** From this version's cache, else from the network (a copy is kept for next time), else the failure. */
async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  // One copy per URL (file names carry their content's hash): the server's `Vary: Origin` must not hide it.
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || request.headers.has('range')) return;
  // Every page of the app is the one page: served from this version's cache, offline too.
  event.respondWith(request.mode === 'navigate' ? caches.open(cacheName).then(async (cache) => (await cache.match(pageUrl, { ignoreVary: true })) ?? fetch(request)) : respond(request));
});
