import { spawn } from 'node:child_process';

/** Opens a URL in the default browser, best effort: failures are ignored (the URL is printed anyway). */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  // Only our own loopback URL is ever passed here; it has no spaces or shell metacharacters.
  const [command, args, verbatim]: [string, string[], boolean] =
    platform === 'darwin'
      ? ['open', [url], false]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url], true]
        : ['xdg-open', [url], false];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: verbatim });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this machine: the printed line is enough.
  }
}
