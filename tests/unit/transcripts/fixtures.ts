import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const transcriptFixturesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/transcripts',
);

/** A transcript fixture's text (tests/fixtures/transcripts/). */
export function transcriptFixture(name: string): string {
  return readFileSync(path.join(transcriptFixturesDir, name), 'utf8');
}
