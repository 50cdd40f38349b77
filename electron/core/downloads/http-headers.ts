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

export interface Validators {
  etag?: string;
  lastModified?: string;
}

/**
 * True when two responses name different versions of a file: ETags compared weakly (W/ ignored,
 * since only "same version?" matters here), else Last-Modified as a date. When neither pair is
 * present on both sides nothing can be told, and false is returned.
 */
export function validatorsDiffer(stored: Validators, got: Validators): boolean {
  if (stored.etag && got.etag) return opaqueTag(stored.etag) !== opaqueTag(got.etag);
  if (stored.lastModified && got.lastModified) {
    const [a, b] = [Date.parse(stored.lastModified), Date.parse(got.lastModified)];
    return Number.isNaN(a) || Number.isNaN(b) ? stored.lastModified.trim() !== got.lastModified.trim() : a !== b;
  }
  return false;
}

function opaqueTag(etag: string): string {
  return etag.trim().replace(/^W\//i, '');
}
