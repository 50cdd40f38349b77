import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixtureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/feeds');

/** A fixture feed's raw bytes (some are deliberately not UTF-8). */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixtureDir, name)));
}
