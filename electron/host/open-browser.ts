import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The page that forwards the browser to the host; it holds the token, so only its owner may read it. */
export interface BrowserLauncher {
  /** The HTML file handed to the OS opener. */
  file: string;
  /** Deletes the file and its folder. Safe to call twice. */
  remove(): void;
}

export interface OpenOptions {
  /** Hands a file to the OS: open (macOS), start (Windows), xdg-open (elsewhere). */
  open?: (file: string) => void;
  platform?: NodeJS.Platform;
  /** Where the private folder is made; the OS temp folder by default. */
  tempDir?: string;
  /** How long the file is kept if the host is still running: long enough for a browser's cold start. */
  keepMs?: number;
}

/**
 * Opens the host's link in the default browser without putting the token in another process's
 * command line, where `ps` shows it to every user: the opener gets the path of an HTML file in a
 * private folder (0700, the file 0600) that forwards to the link, as Jupyter does. The file is
 * deleted after `keepMs` or by `remove()` at shutdown, whichever comes first. Best effort: returns
 * undefined if the file can't be written (the printed line is enough).
 */
export function openInBrowser(url: string, options: OpenOptions = {}): BrowserLauncher | undefined {
  const platform = options.platform ?? process.platform;
  const open = options.open ?? ((file: string) => spawnOpener(file, platform));
  let folder: string;
  let file: string;
  try {
    folder = mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'earmark-open-'));
    chmodSync(folder, 0o700); // mkdtemp already makes it 0700 on POSIX; said here so it stays so.
    file = path.join(folder, 'open-earmark.html');
    writeFileSync(file, launcherPage(url), { mode: 0o600, flag: 'wx' });
  } catch {
    return undefined;
  }
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    clearTimeout(timer);
    rmSync(folder, { recursive: true, force: true });
  };
  const timer = setTimeout(remove, options.keepMs ?? 60_000);
  timer.unref();
  open(file);
  return { file, remove };
}

/** A meta refresh forwards at once; the link is for a browser that ignores it. */
export function launcherPage(url: string): string {
  const href = escapeHtml(url);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${href}">
<title>Opening Earmark</title>
</head>
<body>
<p>Opening Earmark… If nothing happens, <a href="${href}">open Earmark</a>.</p>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function spawnOpener(file: string, platform: NodeJS.Platform): void {
  // cmd needs the quotes written verbatim: the temp path can hold spaces (the user's name).
  const [command, args, verbatim]: [string, string[], boolean] =
    platform === 'darwin'
      ? ['open', [file], false]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', `"${file}"`], true]
        : ['xdg-open', [file], false];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: verbatim });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this machine: the printed line is enough.
  }
}
