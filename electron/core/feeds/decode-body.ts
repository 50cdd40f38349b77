import { TextDecoder } from 'node:util';

/**
 * Turns a feed body into text. Feeds in windows-1252 or ISO-8859-1 are still common; decoding them as
 * UTF-8 would turn every accented letter into U+FFFD, so the charset is looked for in this order:
 * a byte-order mark (unambiguous, as the WHATWG encoding standard also rules), the Content-Type
 * charset, the XML declaration, then UTF-8.
 */
export function decodeFeedBody(bytes: Uint8Array, contentType?: string | null): string {
  return decodeTextBody(bytes, contentType, charsetFromXmlDeclaration(bytes));
}

/**
 * Any text fetched from the web (a feed, a transcript): a byte-order mark, else the Content-Type
 * charset, else what the file itself declares (`declared`), else UTF-8.
 */
export function decodeTextBody(bytes: Uint8Array, contentType?: string | null, declared?: string): string {
  const label = charsetFromBom(bytes) ?? charsetFromContentType(contentType) ?? declared;
  const decoder = decoderFor(label);
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

/**
 * Node 20's TextDecoder decodes windows-1252 (and its aliases latin1 / iso-8859-1, which WHATWG
 * maps to it) as plain ISO-8859-1, so bytes 0x80–0x9F come out as C1 control characters instead of
 * “ ” — € …. A real windows-1252 decoder never produces those controls (except the five undefined
 * bytes, which map to themselves), so mapping them afterwards is right on fixed Node versions too.
 */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) =>
    String.fromCharCode(windows1252High[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)),
  );
}

/** A TextDecoder for the label, or UTF-8 when Node's ICU does not know it. */
function decoderFor(label: string | undefined): TextDecoder {
  if (label) {
    try {
      return new TextDecoder(label);
    } catch {
      // RangeError: unknown label (e.g. a typo in the feed); UTF-8 is the best guess left.
    }
  }
  return new TextDecoder('utf-8');
}

export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

export function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every encoding a feed could use (UTF-16 is caught by its BOM first).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase();
}

export function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}
