/** Anything a browser reads as "another host" when it starts a Location: `//x` or `/\x` (a backslash counts as a slash). */
const OTHER_HOST = /^\/[/\\]/;
const BASE = 'http://earmark.invalid';

/**
 * Where the printed link's token exchange redirects: the requested path and query without the
 * token, and always on this host. The request target is whatever the client sent, so
 * `GET //evil.example/?token=…` must not become `Location: //evil.example/`, nor may an
 * absolute-form target (`GET http://evil.example/`). The target is resolved the way browsers do
 * (WHATWG URL); anything that would leave our origin, before or after dot segments are removed
 * (`/a/..//evil.example/`), becomes `/`.
 */
export function landingPath(requestTarget: string, dropParam: string): string {
  if (!requestTarget.startsWith('/') || OTHER_HOST.test(requestTarget)) return '/';
  let url: URL;
  try {
    url = new URL(requestTarget, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || OTHER_HOST.test(url.pathname)) return '/';
  url.searchParams.delete(dropParam);
  // pathname and search come back percent-encoded, so the header holds plain ASCII.
  return url.pathname + url.search;
}
