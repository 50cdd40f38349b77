/**
 * A fixture route that serves a file slowly (fixed chunks at a fixed pace), with Range, an ETag
 * and Last-Modified, so a download's progress can be watched and paused/resumed in a test.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { parseRange, type RouteHandler } from './fixture-server.js';

export function throttledFile(
  filePath: string,
  contentType: string,
  { chunkBytes = 48 * 1024, delayMs = 120 }: { chunkBytes?: number; delayMs?: number } = {},
): RouteHandler {
  const stats = statSync(filePath);
  const etag = `"${stats.size}-${Math.round(stats.mtimeMs)}"`;
  return async (req, res) => {
    const size = stats.size;
    const range = parseRange(req.headers.range, size);
    const headers: Record<string, string | number> = {
      'Accept-Ranges': 'bytes',
      'Content-Type': contentType,
      ETag: etag,
      'Last-Modified': stats.mtime.toUTCString(),
    };
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
      res.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    res.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': end - start + 1 });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    let closed = false;
    res.on('close', () => (closed = true));
    const fd = openSync(filePath, 'r');
    try {
      for (let at = start; at <= end && !closed; at += chunkBytes) {
        const length = Math.min(chunkBytes, end - at + 1);
        const chunk = Buffer.alloc(length);
        readSync(fd, chunk, 0, length, at);
        res.write(chunk);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    } finally {
      closeSync(fd);
    }
    res.end();
  };
}
