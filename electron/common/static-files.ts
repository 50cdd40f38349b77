import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.m4b': 'audio/mp4',
  '.mp4': 'audio/mp4',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; file: string; size: number; contentType: string; isIndex: boolean }
  | { kind: 'bad-path' }
  | { kind: 'not-found' }
  | { kind: 'not-built' };

/**
 * Maps a raw request path (as sent, still percent-encoded) to a file under root. Refuses anything
 * that could leave root: ".." segments (raw or encoded), encoded slashes or backslashes, NUL, and
 * finally checks the resolved path is inside root. Paths without an extension that match no file
 * fall back to index.html (client-side routes).
 */
export function lookupStatic(root: string, rawPath: string): StaticLookup {
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) return { kind: 'not-built' };
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) return { kind: 'bad-path' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-path' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.split('/').some((s) => s === '..' || s === '.')) {
    return { kind: 'bad-path' };
  }
  const rootResolved = path.resolve(root);
  const file = decoded === '/' ? index : path.resolve(rootResolved, `.${decoded}`);
  if (file !== rootResolved && !file.startsWith(rootResolved + path.sep)) return { kind: 'bad-path' };
  const found = statFile(file);
  if (found !== undefined) {
    return { kind: 'file', file, size: found, contentType: contentTypeOf(file), isIndex: file === index };
  }
  if (path.extname(decoded) === '') {
    const size = statFile(index) ?? 0;
    return { kind: 'file', file: index, size, contentType: contentTypeOf(index), isIndex: true };
  }
  return { kind: 'not-found' };
}

function statFile(file: string): number | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
