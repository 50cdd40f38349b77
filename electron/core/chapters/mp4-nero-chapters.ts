import { open } from 'node:fs/promises';

/** A chapter list bigger than this is not a chapter list. */
const MAX_CHPL_BYTES = 1 << 20;
/** Nero chapter starts are in 100-nanosecond units. */
const UNITS_PER_SECOND = 10_000_000;

export interface NeroChapter {
  start: number;
  title: string;
}

/** Random access to a file's bytes: a local file, or a remote one read with HTTP Range requests. */
export interface ByteSource {
  readonly size: number;
  /** Up to length bytes from position; fewer at the end. */
  read(position: number, length: number): Promise<Uint8Array>;
}

/**
 * Reads the Nero chapter list (moov/udta/chpl) of an MP4/M4A file; [] when there is none or the file is
 * not MP4. Why it exists: music-metadata reads only QuickTime chapter tracks, and only when every chapter
 * sample sits in its own chunk and moov comes before mdat; ffmpeg and many podcast tools write all
 * chapter samples in one chunk, but they also write chpl. Only atom headers and the chpl payload are read,
 * so a large file costs a few small reads.
 */
export async function readNeroChapters(filePath: string): Promise<NeroChapter[]> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    return await readNeroChaptersFrom({
      size,
      read: async (position, length) => {
        const buffer = new Uint8Array(length);
        const { bytesRead } = await file.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      },
    });
  } finally {
    await file.close();
  }
}

/** readNeroChapters over any ByteSource (a remote file reads only the atom headers and chpl). */
export async function readNeroChaptersFrom(file: ByteSource): Promise<NeroChapter[]> {
  const first = await readAtomHeader(file, 0, file.size);
  if (first?.type !== 'ftyp') return [];
  const moov = await findChild(file, 0, file.size, 'moov');
  const udta = moov && (await findChild(file, moov.bodyStart, moov.end, 'udta'));
  const chpl = udta && (await findChild(file, udta.bodyStart, udta.end, 'chpl'));
  if (!chpl || chpl.end - chpl.bodyStart > MAX_CHPL_BYTES) return [];
  return parseChpl(await file.read(chpl.bodyStart, chpl.end - chpl.bodyStart));
}

/** chpl body: version (1), flags (3), [reserved (4) when version > 0], count (1), then start (8) + title. */
export function parseChpl(body: Uint8Array): NeroChapter[] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (body.length < 5) return [];
  let at = body[0] ? 8 : 4;
  const count = body[at] ?? 0;
  at += 1;
  const decoder = new TextDecoder();
  const chapters: NeroChapter[] = [];
  for (let i = 0; i < count && at + 9 <= body.length; i += 1) {
    const start = Number(view.getBigUint64(at)) / UNITS_PER_SECOND;
    const length = body[at + 8] ?? 0;
    if (at + 9 + length > body.length) break;
    chapters.push({ start, title: decoder.decode(body.subarray(at + 9, at + 9 + length)).trim() });
    at += 9 + length;
  }
  return chapters;
}

interface Atom {
  type: string;
  bodyStart: number;
  end: number;
}

async function findChild(file: ByteSource, from: number, to: number, type: string): Promise<Atom | undefined> {
  for (let at = from; at + 8 <= to;) {
    const atom = await readAtomHeader(file, at, to);
    if (!atom) return undefined;
    if (atom.type === type) return atom;
    at = atom.end;
  }
  return undefined;
}

/** size (4) + type (4); size 1 means a 64-bit size follows, 0 means "to the end of the parent". */
async function readAtomHeader(file: ByteSource, at: number, parentEnd: number): Promise<Atom | undefined> {
  const header = await file.read(at, 16);
  if (header.length < 8) return undefined;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const type = String.fromCharCode(...header.subarray(4, 8));
  let size = view.getUint32(0);
  let bodyStart = at + 8;
  if (size === 1) {
    if (header.length < 16) return undefined;
    size = Number(view.getBigUint64(8));
    bodyStart = at + 16;
  } else if (size === 0) {
    size = parentEnd - at;
  }
  const end = at + size;
  if (size < bodyStart - at || end > parentEnd) return undefined;
  return { type, bodyStart, end };
}
