/** Header parsing the transfer needs; pure, so the odd shapes servers send are easy to test. */

export interface ContentRange {
  /** Absent for "bytes *\/total" (the form a 416 carries). */
  start?: number;
  end?: number;
  total?: number;
}

/** Parses "bytes 100-199/1000", "bytes 100-199/*" and "bytes *\/1000"; undefined when malformed. */
export function parseContentRange(value: string | null): ContentRange | undefined {
  if (!value) return undefined;
  const match = /^\s*bytes\s+(?:(\d+)-(\d+)|\*)\s*\/\s*(\d+|\*)\s*$/i.exec(value);
  if (!match) return undefined;
  const [, start, end, total] = match;
  const range: ContentRange = {};
  if (start !== undefined && end !== undefined) {
    range.start = Number(start);
    range.end = Number(end);
    if (range.end < range.start) return undefined;
  }
  if (total !== undefined && total !== '*') range.total = Number(total);
  return range;
}

/** A non-negative integer header (Content-Length), else undefined. */
export function parseLength(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The If-Range value for a resume: a strong ETag, else Last-Modified. Weak ETags are not allowed
 * in If-Range (RFC 9110 §13.1.5), so a server holding only a weak one is asked by date.
 */
export function ifRangeValue(etag: string | undefined, lastModified: string | undefined): string | undefined {
  if (etag && !/^W\//i.test(etag)) return etag;
  return lastModified || undefined;
}

/** Web pages and other documents that a misconfigured host sends instead of the audio. */
export function isNotAudio(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'text/html' || type === 'application/xhtml+xml' || type === 'application/json';
}

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
