import xml2js from 'xml2js';

/** One subscription as an OPML file lists it. */
export interface OpmlFeed {
  url: string;
  title?: string;
  /** The show's web page. */
  htmlUrl?: string;
}

export class OpmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpmlError';
  }
}

interface OutlineNode {
  $?: Record<string, string>;
  outline?: OutlineNode[];
}

/**
 * Reads the feeds of an OPML file, as podcast apps really write them: outlines nested in categories,
 * `type="rss"` missing (or "RSS", or "link"), the address in `xmlUrl` or `url`, attribute names in any
 * case, HTML entities (&eacute;, and titles escaped twice: "&amp;amp;"), raw "&" in URLs. sax's lenient
 * mode accepts all of those, where a strict XML parser rejects the whole file. Duplicates are kept:
 * the importer counts them as skipped.
 */
export async function parseOpml(content: string): Promise<OpmlFeed[]> {
  const parser = new xml2js.Parser({
    strict: false,
    normalizeTags: true,
    attrNameProcessors: [(name: string) => name.toLowerCase()],
  });
  let document: { opml?: { body?: { outline?: OutlineNode[] }[] } };
  try {
    document = await parser.parseStringPromise(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new OpmlError(`This file could not be read as OPML (${firstLine(error)}).`);
  }
  if (!document?.opml) throw new OpmlError('This file is not an OPML subscription list (no <opml> element).');
  const feeds: OpmlFeed[] = [];
  // A category is an outline holding outlines; some apps nest two or three deep. Walked with a
  // stack of our own, not recursion: a hostile file nested 20,000 deep must get an answer in words.
  const bodies = (document.opml.body ?? []).map((body) => body.outline ?? []);
  const stack: { outlines: OutlineNode[]; at: number }[] = bodies.reverse().map((outlines) => ({ outlines, at: 0 }));
  while (stack.length > 0) {
    const level = stack.at(-1)!;
    const outline = level.outlines[level.at++];
    if (!outline) {
      stack.pop();
      continue;
    }
    const attributes = outline.$ ?? {};
    const url = (attributes.xmlurl || attributes.url || '').trim();
    if (url) {
      if (feeds.length === MAX_OPML_FEEDS) {
        throw new OpmlError(
          `This file lists more than ${MAX_OPML_FEEDS.toLocaleString('en')} shows; Earmark imports at most that many at once. Split the file and import the parts.`,
        );
      }
      const title = decodeLeftoverEntities(attributes.title || attributes.text || '').trim();
      const htmlUrl = attributes.htmlurl?.trim();
      feeds.push({ url, ...(title ? { title } : {}), ...(htmlUrl ? { htmlUrl } : {}) });
    }
    if (outline.outline) {
      if (stack.length >= MAX_OPML_DEPTH) {
        throw new OpmlError(
          `This file nests its outlines more than ${MAX_OPML_DEPTH} levels deep; no podcast app writes that.`,
        );
      }
      stack.push({ outlines: outline.outline, at: 0 }); // its outlines before the next sibling: document order
    }
  }
  return feeds;
}

/** Shows in one import: a big library is 50–200; past this it is a mistake or an attack. */
export const MAX_OPML_FEEDS = 2000;
/** Outline nesting: categories go two or three deep in real files. */
export const MAX_OPML_DEPTH = 50;

/** An OPML 2.0 document listing the feeds, titled, for any podcast app to import. */
export function buildOpml(feeds: OpmlFeed[], { title, now }: { title: string; now: Date }): string {
  const builder = new xml2js.Builder({
    xmldec: { version: '1.0', encoding: 'UTF-8' },
    renderOpts: { pretty: true, indent: '  ', newline: '\n' },
  });
  const outline = feeds.map((feed) => ({
    $: {
      type: 'rss',
      text: feed.title ?? feed.url,
      title: feed.title ?? feed.url,
      xmlUrl: feed.url,
      ...(feed.htmlUrl ? { htmlUrl: feed.htmlUrl } : {}),
    },
  }));
  return `${builder.buildObject({
    opml: { $: { version: '2.0' }, head: { title, dateCreated: now.toUTCString() }, body: { outline } },
  })}\n`;
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Titles some apps escape twice arrive as "Tom &amp; Jerry" after parsing; decode what is left. */
function decodeLeftoverEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
