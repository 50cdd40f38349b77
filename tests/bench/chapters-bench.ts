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

// Hostile notes (unclosed tags, thousands of timestamps) beside ordinary ones, in this process.
const timeOf = (notes: string, runs: number) => {
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) chaptersFromShowNotes(notes);
  return (performance.now() - started) / runs;
};
const ordinary = samples.map((sample) => sample.notes).join('\n\n');
const hostile = '<a'.repeat(50_000) + '0:00 x 0:01 y '.repeat(5_000) + '<script'.repeat(10_000);
const ordinaryMs = timeOf(ordinary, 20);
const hostileMs = timeOf(hostile, 3);
console.log(
  `hostile notes (${(hostile.length / 1000).toFixed(0)} KB): ${hostileMs.toFixed(1)} ms, ` +
    `${(hostileMs / ordinaryMs).toFixed(1)}× the whole corpus as one document (${(ordinary.length / 1000).toFixed(0)} KB, ${ordinaryMs.toFixed(1)} ms)`,
);
