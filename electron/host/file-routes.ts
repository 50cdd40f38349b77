// The host's GET routes that answer with files: downloaded episodes, kept artwork, and the built renderer.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { EarmarkApp } from '../core/app.js';
import { feedIdFromArtworkPath } from '../core/feeds/artwork-cache.js';
import { mediaFileFor } from '../core/media/media-file.js';
import { sendRange } from '../core/media/range.js';
import { lookupStatic } from '../common/static-files.js';
import { sendText } from './responses.js';

/** Downloaded episodes: /media/<episode id>. The renderer builds these URLs (renderer/api.ts). */
export const MEDIA_PREFIX = '/media/';

/** A downloaded episode, by id, with Range (the same code answers earmark-media:// in Electron). */
export async function serveMedia(
  app: EarmarkApp,
  request: IncomingMessage,
  response: ServerResponse,
  encodedId: string,
): Promise<void> {
  let episodeId: string;
  try {
    episodeId = decodeURIComponent(encodedId);
  } catch {
    return sendText(response, 400, 'Bad path.');
  }
  const file = mediaFileFor(app.downloads, episodeId);
  if (!file) return sendText(response, 404, 'That episode is not downloaded.');
  await sendRange(request, response, file);
}

/** A show's kept artwork (the same lookup answers app://earmark/artwork/<id> in Electron). */
export async function serveArtwork(
  app: EarmarkApp,
  request: IncomingMessage,
  response: ServerResponse,
  rawPath: string,
): Promise<void> {
  const feedId = feedIdFromArtworkPath(rawPath);
  const file = feedId === undefined ? undefined : app.artwork.file(feedId);
  if (!file) return sendText(response, 404, 'No artwork is kept for that show.');
  await sendRange(request, response, file);
}

/** A file of the built renderer (rendererDir), or index.html for the app's own paths. */
export function serveStatic(
  response: ServerResponse,
  rendererDir: string,
  rawPath: string,
  headOnly: boolean,
  log: (message: unknown) => void,
): void {
  const found = lookupStatic(rendererDir, rawPath);
  if (found.kind === 'not-built') {
    return sendText(
      response,
      503,
      `Earmark's interface has not been built (no ${path.join(rendererDir, 'index.html')}). Run npm run build first.`,
    );
  }
  if (found.kind === 'bad-path') return sendText(response, 400, 'Bad path.');
  if (found.kind === 'not-found') return sendText(response, 404, 'Not found.');
  response.writeHead(200, {
    'Content-Type': found.contentType,
    'Content-Length': found.size,
    'Cache-Control': found.isIndex ? 'no-store' : 'no-cache',
  });
  if (headOnly) {
    response.end();
    return;
  }
  createReadStream(found.file)
    .on('error', (error) => {
      log(error);
      response.destroy();
    })
    .pipe(response);
}
