// Twiza's offline field app: the service worker (scope /field/). It keeps the app's shell
// (pages, script, stylesheet, manifest, icon) and serves it from its cache, refreshing the copy
// from the network in the background; /field/api/ is never intercepted: the page itself
// talks to the server, so what it sends and receives is never cached. The cache is named after
// the shell's version (a hash of the script, the shell's template and this worker, put in by
// the server): a release installs a new worker, which precaches the whole shell together, and
// its activation deletes the caches of the previous ones.
const CACHE = "twiza-field-__SHELL_VERSION__";
const SHELL = [
  "/field/",
  "/field/assessment",
  "/field/household",
  "/field/delivery",
  "/field/device",
  "/field/app.js",
  "/field/manifest.webmanifest",
  "/field/icon.svg",
  "/static/style.css",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function shellKey(url) {
  return url.origin === self.location.origin && SHELL.includes(url.pathname) ? url.pathname : null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.pathname.startsWith("/field/api/")) return;
  const key = shellKey(url);
  if (!key) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(key);
      const fresh = fetch(request)
        .then((response) => {
          // Only a page of the signed-in app replaces the kept one (not a redirect to sign-in).
          if (response.ok && !response.redirected) cache.put(key, response.clone());
          return response;
        })
        .catch(() => null);
      if (cached) {
        event.waitUntil(fresh);
        return cached;
      }
      return (await fresh) || Response.error();
    }),
  );
});
