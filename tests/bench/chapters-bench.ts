/**
 * npm run bench:chapters — exact-match rate of chaptersFromShowNotes on the show-notes corpus
 * (tests/fixtures/chapters/corpus), and the samples it gets wrong. The corpus test asserts 100 %; this
 * prints the figure (and what differs) when working on the parser. Target (issue 12): at least 95 %.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chaptersFromShowNotes } from '../../shared/chapters.js';
import { readCorpus } from '../unit/chapters/fixtures.js';

// Bundled to out/bench/, two folders below the repository like this file.
const here = path.dirname(fileURLToPath(import.meta.url));
const samples = readCorpus(path.resolve(here, '../../tests/fixtures/chapters/corpus'));

let exact = 0;
for (const sample of samples) {
  const found = chaptersFromShowNotes(sample.notes, sample.durationSeconds).map((c) => [c.start, c.title]);
  if (JSON.stringify(found) === JSON.stringify(sample.expected)) {
    exact += 1;
    continue;
  }
  console.log(`✗ ${sample.name} (${sample.why})`);
  console.log(`    expected ${JSON.stringify(sample.expected)}`);
  console.log(`    found    ${JSON.stringify(found)}`);
}
const traps = samples.filter((s) => s.expected.length === 0).length;
console.log(
  `exact: ${exact}/${samples.length} = ${((100 * exact) / samples.length).toFixed(1)} % ` +
    `(${samples.length - traps} chapter lists, ${traps} traps)`,
);
