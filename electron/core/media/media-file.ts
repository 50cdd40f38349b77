import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { contentTypeForFile, isEarmarkFileName } from '../downloads/media-names.js';
import { rangeResponse, type MediaFile } from './range.js';

/** What the resolver needs from the download manager (DownloadManager fits). */
export interface CompletedDownloads {
  readonly mediaDir: string;
  /** The finished file of a completed download, else undefined. */
  localFile(episodeId: string): string | undefined;
}

/**
 * The file to serve for an episode id, or undefined. Only ids with a completed download resolve,
 * and only to a regular file directly inside the media folder (symlinks resolved): the request
 * supplies an id to look up, never a path, so `../`, encoded and absolute "ids" find nothing.
 */
export function mediaFileFor(downloads: CompletedDownloads, episodeId: unknown): MediaFile | undefined {
  if (typeof episodeId !== 'string' || episodeId.length === 0 || episodeId.length > 200) return undefined;
  const file = downloads.localFile(episodeId);
  if (!file || !isEarmarkFileName(path.basename(file))) return undefined;
  try {
    const mediaDir = realpathSync(downloads.mediaDir);
    const real = realpathSync(file);
    if (path.dirname(real) !== mediaDir) return undefined;
    const stats = statSync(real);
    if (!stats.isFile()) return undefined;
    return { path: real, size: stats.size, contentType: contentTypeForFile(real), mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

/** The scheme Electron registers (privileged, stream: true) for downloaded episodes. */
export const mediaScheme = 'earmark-media';

/** earmark-media://episode/<id>: the id sits in the path, where a standard scheme keeps its case. */
export function mediaUrlFor(episodeId: string): string {
  return `${mediaScheme}://episode/${encodeURIComponent(episodeId)}`;
}

/** The episode id a media URL (earmark-media://episode/<id>, or a host path ending /<id>) asks for. */
export function episodeIdFromMediaUrl(url: string): string | undefined {
  try {
    const last = new URL(url).pathname.split('/').pop();
    return last ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined;
  }
}

/** protocol.handle in one call: 404 unless the id has a completed download, else the Range answer. */
export function mediaResponse(
  downloads: CompletedDownloads,
  request: { url: string; method: string; headers: Headers },
): Response {
  const file = mediaFileFor(downloads, episodeIdFromMediaUrl(request.url));
  if (!file) return new Response('Not downloaded', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return rangeResponse(request, file);
}
