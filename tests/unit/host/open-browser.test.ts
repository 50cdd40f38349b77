import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openInBrowser, type BrowserLauncher } from '../../../electron/host/open-browser.js';
import { tempDir } from './helpers.js';

// The token must never reach another process's argv (`ps` shows argv to every user): the OS
// opener gets a private file that forwards to the link.
const url = 'http://127.0.0.1:4567/?token=AbC_123-tokenTOKENtokenTOKENtokenTOKENtok';
const temp = tempDir('earmark-open-test-');
const launchers: BrowserLauncher[] = [];

afterEach(() => {
  for (const launcher of launchers.splice(0)) launcher.remove();
});

afterAll(() => temp.remove());

function openRecorded(keepMs?: number): { launcher: BrowserLauncher; opened: string[] } {
  const opened: string[] = [];
  const launcher = openInBrowser(url, {
    open: (file) => opened.push(file),
    tempDir: temp.dir,
    ...(keepMs !== undefined ? { keepMs } : {}),
  });
  if (!launcher) throw new Error('openInBrowser wrote no launch file');
  launchers.push(launcher);
  return { launcher, opened };
}

describe('openInBrowser', () => {
  it('hands the opener a file path, never the link with the token', () => {
    const { launcher, opened } = openRecorded();
    expect(opened).toEqual([launcher.file]);
    expect(opened[0]).not.toContain('token');
    expect(path.isAbsolute(launcher.file)).toBe(true);
    expect(launcher.file.endsWith('.html')).toBe(true);
  });

  it.runIf(process.platform !== 'win32')('writes the file 0600 in a folder of its own that is 0700', () => {
    const { launcher } = openRecorded();
    const folder = path.dirname(launcher.file);
    expect(path.dirname(folder)).toBe(temp.dir);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(launcher.file).mode & 0o777).toBe(0o600);
  });

  it('forwards to the link with a meta refresh and a link', () => {
    const html = readFileSync(openRecorded().launcher.file, 'utf8');
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${url}">`);
    expect(html).toContain(`<a href="${url}">open Earmark</a>`);
  });

  it('removes the file and its folder at shutdown, and again is harmless', () => {
    const { launcher } = openRecorded();
    launcher.remove();
    expect(existsSync(launcher.file)).toBe(false);
    expect(existsSync(path.dirname(launcher.file))).toBe(false);
    expect(() => launcher.remove()).not.toThrow();
  });

  it('removes the file by itself after a short while', async () => {
    const { launcher } = openRecorded(50);
    expect(existsSync(launcher.file)).toBe(true);
    await expect.poll(() => existsSync(path.dirname(launcher.file)), { timeout: 2_000 }).toBe(false);
  });
});
