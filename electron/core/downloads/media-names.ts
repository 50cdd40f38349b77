import { createHash } from 'node:crypto';
import path from 'node:path';

/** Extensions Earmark writes, by MIME type (lower case, parameters dropped). */
const extensionByType: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/x-mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/aacp': 'aac',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/webm': 'webm',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'video/mp4': 'mp4',
  'video/x-m4v': 'm4v',
  'video/webm': 'webm',
};

/** What each extension is served as; the only types the media protocol ever sends. */
const typeByExtension: Record<string, string> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'audio/webm',
  flac: 'audio/flac',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
};

export const defaultExtension = 'mp3';

/** Files are named by a hash of the episode id: nothing from the URL or the feed text reaches the filesystem. */
export function fileStem(episodeId: string): string {
  return createHash('sha256').update(episodeId).digest('hex');
}

export function partFileName(episodeId: string): string {
  return `${fileStem(episodeId)}.part`;
}

/**
 * The extension for a finished file: the server's Content-Type when it names a known audio type
 * (it describes the bytes we got), else the feed's enclosure type, else mp3 — generic types like
 * application/octet-stream say nothing.
 */
export function extensionFor(...types: (string | undefined)[]): string {
  for (const type of types) {
    const ext = type && extensionByType[bareType(type)];
    if (ext) return ext;
  }
  return defaultExtension;
}

export function finalFileName(episodeId: string, extension: string): string {
  return `${fileStem(episodeId)}.${extension}`;
}

/** The Content-Type a finished file is served with, from its (Earmark-chosen) extension. */
export function contentTypeForFile(fileName: string): string {
  return typeByExtension[path.extname(fileName).slice(1)] ?? 'application/octet-stream';
}

/** True for names Earmark itself could have written: 64 hex digits, a dot, a short extension. */
export function isEarmarkFileName(fileName: string): boolean {
  return /^[0-9a-f]{64}\.[a-z0-9]{1,5}$/.test(fileName);
}

export function bareType(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}
