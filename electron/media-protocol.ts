import { protocol } from 'electron';
import { mediaResponse, type CompletedDownloads } from './core/media/media-file.js';
import { MEDIA_SCHEME } from './app-origin.js';

/**
 * earmark-media://episode/<id> serves a downloaded episode. Range is answered by hand in core/media
 * (the same code the browser host uses): protocol.handle + net.fetch('file://…') breaks seeking
 * (electron#38749). Only ids with a completed download resolve; no URL path reaches the filesystem.
 */
export function handleMediaProtocol(downloads: CompletedDownloads): void {
  protocol.handle(MEDIA_SCHEME, (request) => mediaResponse(downloads, request));
}
