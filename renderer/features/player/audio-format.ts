import type { Howl } from 'howler';

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

/**
 * Why an episode's audio failed to load, as the player bar shows it. `mediaMessage` is the audio
 * element's MediaError.message when known: Chromium reports a server that is down, a refused
 * connection, a 404 and being offline all as code 4 "MEDIA_ELEMENT_ERROR: Format error", while a
 * file that did arrive but cannot be decoded names the demuxer or decoder instead. So a streamed
 * code 4 reads as "couldn't reach", unless the message says the bytes were there.
 */
export function loadFailureText(
  detail: unknown,
  { local, offline, mediaMessage }: { local: boolean; offline: boolean; mediaMessage?: string },
): string {
  if (local)
    return `Couldn't play the downloaded file: ${loadErrorText(detail)}. Remove the download to stream it instead.`;
  const arrived = /DEMUXER|DECODER|PIPELINE_ERROR_DECODE/i.test(mediaMessage ?? '');
  if (offline) return "You're offline and this episode isn't downloaded. Download episodes to listen offline.";
  if (detail === 2 || (detail === 4 && !arrived))
    return "Couldn't reach this episode's audio: the server may be down, or you may be offline. Download episodes to listen offline.";
  if (detail === 4) return "Couldn't play this episode: the audio file is not in a format Earmark can play";
  return `Couldn't play this episode: ${loadErrorText(detail)}`;
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

/**
 * The audio element's own MediaError.message, which howler does not pass on (only the code). Read
 * from howler's internal sound list, so it is optional: without it the code alone decides.
 */
export function mediaErrorMessage(howl: Howl): string | undefined {
  const sounds = (howl as unknown as { _sounds?: { _node?: { error?: { message?: unknown } | null } }[] })._sounds;
  const message = sounds?.[0]?._node?.error?.message;
  return typeof message === 'string' ? message : undefined;
}
