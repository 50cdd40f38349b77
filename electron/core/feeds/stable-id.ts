import { createHash } from 'node:crypto';

/** A short, stable id: the first 16 hex digits of a SHA-256. Collisions at 64 bits are not a concern for a library. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** A feed's id is fixed at subscribe time from the URL as first subscribed, so it survives URL changes. */
export function feedIdFor(url: string): string {
  return shortHash(url);
}
