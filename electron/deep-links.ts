import { DEEP_LINK_SCHEME, parseDeepLink, type DeepLink } from '../shared/deep-link.js';

/**
 * earmark:// links reach the app three ways: in argv at a cold start (Windows, Linux), in the
 * second instance's argv while running (Windows, Linux), and through "open-url" (macOS, either
 * case). These helpers are Electron-free so the parsing is tested in plain Node.
 */
export function findDeepLink(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`));
}

/** The parsed link, or undefined (with the reason logged) for a malformed or hostile one. */
export function readDeepLink(url: string | undefined, warn: (message: string) => void): DeepLink | undefined {
  if (!url) return undefined;
  const parsed = parseDeepLink(url);
  if ('error' in parsed) {
    warn(`Ignored the link ${url.slice(0, 200)}: ${parsed.error}`);
    return undefined;
  }
  return parsed;
}
