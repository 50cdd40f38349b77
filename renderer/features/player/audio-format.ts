/**
 * Howler decides whether it can play a source from its format; enclosure URLs often have no
 * extension (they redirect to a CDN), so the format comes from the MIME type first.
 */
const byMime: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/x-aac': 'aac',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/webm': 'webm',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/flac': 'flac',
  'video/mp4': 'mp4',
};

export function audioFormat(url: string, mime: string | undefined): string {
  const fromMime = mime ? byMime[mime.toLowerCase().split(';')[0]!.trim()] : undefined;
  if (fromMime) return fromMime;
  let path = url;
  try {
    path = new URL(url, 'http://x').pathname;
  } catch {
    // keep the raw text
  }
  const extension = /\.([a-z0-9]{2,5})$/i.exec(path)?.[1]?.toLowerCase();
  return extension && Object.values(byMime).includes(extension) ? extension : 'mp3';
}

/** Howler's load error code (HTML MediaError.code) or message, in words. */
export function loadErrorText(detail: unknown): string {
  switch (detail) {
    case 1:
      return 'loading was stopped';
    case 2:
      return 'network error';
    case 3:
      return 'the audio file is damaged or in an unsupported encoding';
    case 4:
      return 'the audio file could not be found or is not in a supported format';
    default:
      return typeof detail === 'string' && detail ? detail.replace(/\.$/, '') : 'unknown error';
  }
}
