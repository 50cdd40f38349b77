/**
 * The renderer's Content-Security-Policy, one definition for both adapters (the Electron app://
 * handler and the browser host). No Electron import, so the browser host can use it.
 *
 * - scripts only from the app itself: no inline script, no eval;
 * - styles from the app; 'unsafe-inline' is NOT allowed (React sets styles through CSSOM, which CSP
 *   does not restrict);
 * - images and audio from the feeds' own hosts (artwork and enclosures are on arbitrary http(s) CDNs);
 * - connect only to the app's own origin (the browser host's /api; Electron uses IPC, not fetch);
 * - no plugins, no framing, no <base> hijack, no form posts.
 */
export function contentSecurityPolicy(extraMediaSources: readonly string[] = []): string {
  const media = ["'self'", 'https:', 'http:', 'blob:', ...extraMediaSources].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: http: data: blob:",
    `media-src ${media}`,
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
