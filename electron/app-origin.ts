/**
 * The Electron renderer's origin and URL checks, without importing Electron (so they are unit
 * tested in plain Node). The renderer lives at app://earmark/: a standard, secure custom scheme,
 * never file:// and never a dev server.
 */
import { mediaScheme } from './core/media/media-file.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'earmark';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;
/** Downloaded episodes, streamed with Range support (media-protocol.ts). */
export const MEDIA_SCHEME = mediaScheme;

/** True for pages this app serves itself. Parses the URL, so "app://earmark.evil/" does not pass. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The normalised URL when it is a web link (http/https) that may be opened outside the app. */
export function externalWebUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
