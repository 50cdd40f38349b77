import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/chapters');

export function fixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

export interface SeedEpisode {
  title: string;
  /** From the listing's "29min" / "1h 2min", rounded up to the end of that minute. */
  durationSeconds: number;
  notes: string;
}

/** The real episode listing of The Backend Engineering Show: "date • duration", title, notes lines. */
export function seedEpisodes(): SeedEpisode[] {
  return fixture('backend-engineering-show-episodes.txt')
    .split(/\n\s*\n/)
    .flatMap((block): SeedEpisode[] => {
      const [header = '', title = '', ...notes] = block.split('\n');
      const match = /^\w{3} \d{1,2}, \d{4} • (?:(\d+)h ?)?(?:(\d+)min)?$/.exec(header.trim());
      if (!match) return [];
      const minutes = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
      return [{ title: title.trim(), durationSeconds: (minutes + 1) * 60 - 1, notes: notes.join('\n') }];
    });
}
