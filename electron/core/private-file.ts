import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file of the data folder whole or not at all: a temporary file beside it (0600), then a
 * rename, so a crash or a full disk never leaves half a file where a reader looks. The folder is made
 * (0700) when missing. A failed write removes its temporary file and throws.
 */
export async function writePrivateFileAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, { mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
