/**
 * The parser worker, as plain JavaScript run with `new Worker(source, { eval: true })`.
 * Why a string: unit tests run the TypeScript sources (Node 20 has no TS loader for workers) and
 * the app is bundled by esbuild into out/main/*.js, so a worker *file* would need a path that
 * differs between the two. rss-parser is CommonJS and is required by its resolved path.
 *
 * Protocol: in { id, xml } → out { id, ok: true, feed, repairs? }
 *                           | { id, ok: false, kind, message, line?, column? },
 * kind 'not-xml' (xml2js could not read it) or 'not-feed' (XML, but not RSS or Atom); line and
 * column (1-based) say where the XML broke. repairs lists what a loose read had to get past.
 *
 * Strict first, loose only when that fails, as Python's feedparser does (its strict SAX parser, then
 * its loose one): a well-formed feed is read exactly as before. The loose read is sax's own recovery
 * in strict mode (rss-parser → xml2js → sax): for an undefined entity ("&gtgt;") or an "&" that starts
 * no entity ("Tom & Jerry"), sax keeps the "&…" as text once its error is cleared, which is what
 * feedparser's loose parser does with them too. Every other error (a mismatched or missing tag) still
 * ends the read, at the place sax names in the untouched text.
 *
 * Control characters: XML 1.0 (section 2.2) forbids U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
 * U+FFFE and U+FFFF, and expat (feedparser's strict parser) rejects a feed with one; sax passes them
 * through. So a feed holding one is not well-formed either: it is read, and the characters are taken
 * out of what it says (they mean nothing in a title or show notes and would reach the screen as boxes).
 */
export const parserWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Parser = require(workerData.parserPath);
const notFeed = /not recognized as RSS|default RSS version/;
const recoverable = /^Invalid character (entity|in entity name)$/;
const forbidden = /[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]/;
const forbiddenAll = new RegExp(forbidden.source, 'g');

const firstLine = (error) => String((error && error.message) || error).split('\\n')[0];

/** "…\\nLine: 3\\nColumn: 44\\nChar: >" (sax counts lines from 0, columns from 1). */
function where(error) {
  const match = /\\nLine: (\\d+)\\nColumn: (\\d+)/.exec(String(error && error.message));
  return match ? { line: Number(match[1]) + 1, column: Number(match[2]) } : {};
}

function lineAt(text, index) {
  let line = 1;
  for (let at = text.indexOf('\\n'); at !== -1 && at < index; at = text.indexOf('\\n', at + 1)) line++;
  return line;
}

/** Counts one kind of repair, keeping where the first one was. */
function note(repairs, kind, line, sample) {
  const seen = repairs.find((repair) => repair.kind === kind);
  if (seen) seen.count++;
  else repairs.push({ kind, count: 1, line, sample });
}

/** With repairs, sax's recoverable errors are cleared and noted instead of ending the parse. */
function parse(xml, repairs) {
  // A fresh parser per parse: xml2js keeps state after an error that breaks the next parse.
  const parser = new Parser({ customFields: structuredClone(workerData.customFields), defaultRSS: 2 });
  if (repairs) {
    const sax = parser.xmlParser.saxParser;
    const fail = sax.onerror; // xml2js's: rejects the parse
    sax.onerror = (error) => {
      const message = firstLine(error);
      if (!recoverable.test(message)) return fail(error);
      // sax.position is just past the character it stopped at; the entity began at the last "&".
      const text = xml.slice(xml.lastIndexOf('&', sax.position - 1), sax.position);
      const kind = message.endsWith('name') ? 'ampersand' : text.startsWith('&#') ? 'reference' : 'entity';
      note(repairs, kind, where(error).line, kind === 'ampersand' ? '&' : text);
      sax.resume(); // clears the error: sax goes on, with the "&…" kept as text
    };
  }
  return parser.parseString(xml);
}

function withoutControlCharacters(value) {
  // A vertical tab or form feed is a line or page break from a word processor: a space keeps words apart.
  if (typeof value === 'string') return value.replace(forbiddenAll, (c) => (c === '\\v' || c === '\\f' ? ' ' : ''));
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) value[key] = withoutControlCharacters(value[key]);
  }
  return value;
}

async function read(xml) {
  // xml2js drops a byte-order mark before sax sees the text; positions must count the same text.
  xml = xml.replace(/^\\uFEFF/, '');
  let feed;
  const repairs = [];
  try {
    feed = await parse(xml);
  } catch (error) {
    // The first error decides: only when sax could go on past it is a loose read worth trying.
    if (error instanceof TypeError || !recoverable.test(firstLine(error))) throw error;
    feed = await parse(xml, repairs);
  }
  const control = forbidden.exec(xml);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const count = xml.match(forbiddenAll).length;
    repairs.push({ kind: 'control', count, line: lineAt(xml, control.index), sample: 'U+' + code });
    feed = withoutControlCharacters(feed);
  }
  return { feed, repairs: repairs.length ? repairs : undefined };
}

parentPort.on('message', ({ id, xml }) => {
  read(xml).then(
    ({ feed, repairs }) => parentPort.postMessage({ id, ok: true, feed, repairs }),
    (error) => {
      const message = firstLine(error);
      // A TypeError means xml2js read the XML but rss-parser found no channel/feed structure in it.
      const kind = error instanceof TypeError || notFeed.test(message) ? 'not-feed' : 'not-xml';
      parentPort.postMessage({ id, ok: false, kind, message, ...(kind === 'not-xml' ? where(error) : {}) });
    },
  );
});
`;
