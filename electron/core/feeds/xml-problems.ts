import type { XmlPosition, XmlRepair } from './feed-parser.js';

/**
 * What was wrong with a feed's XML, in words for the status line: the mistakes a loose read got past
 * (Feed.readWithRepairs) and the ones it could not (Feed.lastError). Publishers fix their feed from
 * these, so each names the line.
 */

const repairPhrases: Record<XmlRepair['kind'], { one: string; many: string; fate: string }> = {
  entity: { one: 'an undefined entity', many: 'undefined entities', fate: 'kept as text' },
  ampersand: { one: 'a stray “&”', many: 'stray “&” characters', fate: 'kept as text' },
  reference: {
    one: 'a reference to a forbidden character',
    many: 'references to forbidden characters',
    fate: 'kept as text',
  },
  control: { one: 'a control character', many: 'control characters', fate: 'taken out' },
};

/** "The feed's XML has an undefined entity (&gtgt; on line 1042, kept as text)." */
export function describeRepairs(repairs: readonly XmlRepair[]): string {
  const parts = repairs.map(({ kind, count, line, sample }) => {
    const phrase = repairPhrases[kind];
    // A stray "&" is named by the phrase already; the others show what they were.
    const what = kind === 'ampersand' ? '' : `${sample} `;
    return count === 1
      ? `${phrase.one} (${what}on line ${line}, ${phrase.fate})`
      : `${count} ${phrase.many} (the first ${what}on line ${line}, ${phrase.fate})`;
  });
  return `The feed's XML has ${joinWords(parts)}.`;
}

/** sax's messages for mistakes a loose read cannot get past, in plain words. */
const brokenXml: [RegExp, string][] = [
  [/^Unexpected close tag/, 'a closing tag does not match the tag it should close'],
  [/^Unmatched closing tag/, 'a closing tag has no opening tag'],
  [/^Unclosed root tag/, 'the feed ends before its tags are closed (it may have been cut off)'],
  [/^Unexpected end/, 'the feed ends in the middle of a tag (it may have been cut off)'],
  [/^Text data outside of root node/, 'there is text after the end of the feed'],
  [/^Unencoded </, 'a “<” starts no tag'],
  [/^(Attribute without value|Unquoted attribute value)/, 'an attribute has no quoted value'],
  [/^Invalid (character|characters|tagname) in (tag name|closing tag)/, 'a tag has an invalid name'],
];

/**
 * Why text could not be read as XML. "Not XML" only when it does not even start with a tag; a
 * document that does is XML with an error, and the sentence says which and where.
 */
export function describeXmlError(message: string, position: XmlPosition | undefined, xml: string): string {
  if (/^Non-whitespace before first tag/.test(message)) {
    const start = xml
      .replace(/^\uFEFF/, '')
      .trimStart()
      .slice(0, 200)
      .split('\n')[0]!
      .trim();
    const shown = start.length > 40 ? `${start.slice(0, 40)}…` : start;
    return `The feed is not XML, so it cannot be read: it starts with “${shown}” instead of a tag.`;
  }
  const what = brokenXml.find(([pattern]) => pattern.test(message))?.[1] ?? plain(message);
  if (!position) return `The feed's XML is broken (${what}), so it cannot be read.`;
  return `The feed's XML is broken on line ${position.line}, column ${position.column}: ${what}, so it cannot be read.`;
}

/** "Weird empty close tag." → "weird empty close tag": a clause for the middle of a sentence. */
function plain(message: string): string {
  const clause = message.trim().replace(/\.$/, '');
  return clause.charAt(0).toLowerCase() + clause.slice(1);
}

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
