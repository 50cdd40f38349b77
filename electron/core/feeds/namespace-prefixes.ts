/**
 * rss-parser (xml2js) matches elements by their literal prefixed name, so a feed that binds the
 * iTunes namespace to "it:" instead of "itunes:" would lose its durations. Rename such prefixes to
 * the conventional ones before parsing. Declarations sit on the root element, so only the head is
 * searched, and the common case (conventional prefixes) returns the text untouched.
 */
const conventionalPrefixes: Record<string, string> = {
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://podcastindex.org/namespace/1.0': 'podcast',
  'http://podlove.org/simple-chapters': 'psc',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
};

export function normalizeNamespacePrefixes(xml: string): string {
  const head = xml.slice(0, 8192);
  let result = xml;
  for (const match of head.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']+)["']/g)) {
    const [, prefix, uri] = match as unknown as [string, string, string];
    const wanted = conventionalPrefixes[uri.trim().toLowerCase()];
    if (!wanted || wanted === prefix || head.includes(`xmlns:${wanted}=`)) continue;
    const escaped = prefix.replace(/[.]/g, '\\.');
    result = result.replace(new RegExp(`(</?)${escaped}:`, 'g'), `$1${wanted}:`);
  }
  return prefixDefaultNamespaced(result);
}

/**
 * Leaf elements that declare a known namespace as their default, e.g.
 * `<duration xmlns="http://www.itunes.com/dtds/podcast-1.0.dtd">00:20:00</duration>`, become
 * `<itunes:duration>00:20:00</itunes:duration>`. Only searched for when such a declaration exists.
 */
function prefixDefaultNamespaced(xml: string): string {
  if (!/<[\w-]+\s+xmlns\s*=/.test(xml)) return xml;
  return xml.replace(
    /<([A-Za-z][\w-]*)\s+xmlns\s*=\s*["']([^"']+)["']([^>]*)>([^<]*)<\/\1>/g,
    (whole, name: string, uri: string, rest: string, inner: string) => {
      const prefix = conventionalPrefixes[uri.trim().toLowerCase()];
      return prefix ? `<${prefix}:${name}${rest}>${inner}</${prefix}:${name}>` : whole;
    },
  );
}
