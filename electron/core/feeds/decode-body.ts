import { TextDecoder } from 'node:util';

/**
 * Turns a feed body into text. Feeds in windows-1252 or ISO-8859-1 are still common; decoding them as
 * UTF-8 would turn every accented letter into U+FFFD, so the charset is looked for in this order:
 * a byte-order mark (unambiguous, as the WHATWG encoding standard also rules), the Content-Type
 * charset, the XML declaration, then UTF-8.
 */
export function decodeFeedBody(bytes: Uint8Array, contentType?: string | null): string {
  const label = charsetFromBom(bytes) ?? charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes);
  return decoderFor(label).decode(bytes);
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
