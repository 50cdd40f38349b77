/**
 * Links to a moment in an episode: `earmark://episode/<id>?t=<seconds>` (exported notes, other apps)
 * and the browser host's `/open?episode=<id>&t=<seconds>`. Pure: parsed by hand, no URL global, so
 * it behaves the same in main, the browser host and the renderer.
 */
import { parseTimestamp } from './time.js';

export const DEEP_LINK_SCHEME = 'earmark';

/** Longer than any podcast episode; a bigger time is a broken or hostile link, not a moment to seek to. */
export const MAX_LINK_SECONDS = 48 * 3600;

/** Episode ids are the first 16 hex digits of a SHA-256 (electron/core/feeds/stable-id.ts). */
const EPISODE_ID = /^[0-9a-f]{16}$/i;

export type DeepLink = { episodeId: string; t: number };
export type DeepLinkResult = DeepLink | { error: string };

/** Builds `earmark://episode/<id>?t=<whole seconds>`; the time is rounded down like the m:ss shown beside it. */
export function formatDeepLink(episodeId: string, t: number): string {
  return `${DEEP_LINK_SCHEME}://episode/${encodeURIComponent(episodeId)}?t=${wholeSeconds(t)}`;
}

/** Builds the browser host's path for the same moment (relative to the host's origin). */
export function formatHostOpenPath(episodeId: string, t: number): string {
  return `/open?episode=${encodeURIComponent(episodeId)}&t=${wholeSeconds(t)}`;
}

/**
 * Parses either link shape. `t` may be plain seconds ("98", "98.5") or a timestamp ("1:38");
 * without `t` the episode opens at 0. Anything else comes back as `{ error }` in words.
 */
export function parseDeepLink(url: string): DeepLinkResult {
  const text = url.trim();
  const custom = /^earmark:\/\/episode\/([^?#/]*)\/?(?:\?([^#]*))?(?:#.*)?$/i.exec(text);
  if (custom) return checked(decode(custom[1] ?? ''), queryParams(custom[2] ?? '').get('t'));
  const host = /^(?:https?:\/\/[^/?#]+)?\/open\/?(?:\?([^#]*))?(?:#.*)?$/i.exec(text);
  if (host) {
    const params = queryParams(host[1] ?? '');
    return checked(params.get('episode') ?? '', params.get('t'));
  }
  if (/^earmark:/i.test(text)) return { error: 'Earmark links look like earmark://episode/<id>?t=<seconds>.' };
  return { error: 'That is not an Earmark link.' };
}

function checked(rawId: string | undefined, rawTime: string | undefined): DeepLinkResult {
  if (!rawId) return { error: 'The link names no episode.' };
  if (!EPISODE_ID.test(rawId)) return { error: `"${rawId}" is not an episode id (16 hex digits).` };
  const episodeId = rawId.toLowerCase();
  if (rawTime === undefined || rawTime === '') return { episodeId, t: 0 };
  if (rawTime.trim().startsWith('-')) return { error: 'The time in the link is negative.' };
  const t = parseTimestamp(rawTime);
  if (t === undefined || !Number.isFinite(t)) return { error: `"${rawTime}" is not a time in seconds.` };
  if (t > MAX_LINK_SECONDS) return { error: `The time in the link (${rawTime}) is longer than any episode.` };
  return { episodeId, t };
}

/** First value wins for a repeated key; a malformed escape leaves the raw text (and the checks reject it). */
function queryParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const key = decode(at < 0 ? pair : pair.slice(0, at));
    if (!params.has(key)) params.set(key, decode(at < 0 ? '' : pair.slice(at + 1)));
  }
  return params;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

function wholeSeconds(t: number): number {
  return Number.isFinite(t) && t > 0 ? Math.floor(t) : 0;
}
