/**
 * The parser worker, as plain JavaScript run with `new Worker(source, { eval: true })`.
 * Why a string: unit tests run the TypeScript sources (Node 20 has no TS loader for workers) and
 * the app is bundled by esbuild into out/main/*.js, so a worker *file* would need a path that
 * differs between the two. rss-parser is CommonJS and is required by its resolved path.
 *
 * Protocol: in { id, xml } → out { id, ok: true, feed } | { id, ok: false, kind, message },
 * kind 'not-xml' (xml2js could not read it) or 'not-feed' (XML, but not RSS or Atom).
 */
export const parserWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Parser = require(workerData.parserPath);
const notFeed = /not recognized as RSS|default RSS version/;
parentPort.on('message', ({ id, xml }) => {
  let pending;
  try {
    // A fresh parser per feed: xml2js keeps state after an error that breaks the next parse.
    const parser = new Parser({ customFields: structuredClone(workerData.customFields), defaultRSS: 2 });
    pending = parser.parseString(xml);
  } catch (error) {
    pending = Promise.reject(error);
  }
  pending.then(
    (feed) => parentPort.postMessage({ id, ok: true, feed }),
    (error) => {
      const message = String((error && error.message) || error);
      // A TypeError means xml2js read the XML but rss-parser found no channel/feed structure in it.
      const kind = error instanceof TypeError || notFeed.test(message) ? 'not-feed' : 'not-xml';
      parentPort.postMessage({ id, ok: false, kind, message });
    },
  );
});
`;
