/**
 * `npm run serve -- [--port N] [--data-dir DIR] [--feed URL] [--directory-url URL] [--no-open]`: Earmark
 * in the browser. EARMARK_DIRECTORY_URL stands in for --directory-url, as in the desktop app.
 * Parses the command line, starts the host, prints exactly one line to stdout (everything else
 * goes to stderr) and shuts down cleanly on SIGINT/SIGTERM. Bundled to out/main/serve.js, so the
 * renderer and assets are found relative to that file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFolderInUseError } from '../core/data-lock.js';
import { parseServeArgs, usage } from './args.js';
import { defaultHostDataDir } from './data-dir.js';
import { startHost } from './host.js';
import { openInBrowser } from './open-browser.js';

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`Earmark: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  if (args.help) {
    console.error(usage);
    return;
  }
  const dataDir = args.dataDir ?? defaultHostDataDir();
  const directoryUrl = args.directoryUrl ?? process.env.EARMARK_DIRECTORY_URL;
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`Earmark: the interface is not built (${rendererDir} is missing). Run npm run build first.`);
  }
  const host = await startHost({
    dataDir,
    port: args.port,
    ...(args.feedUrl !== undefined ? { feedUrl: args.feedUrl } : {}),
    ...(directoryUrl ? { directoryUrl } : {}),
    rendererDir,
    assetsDir: fileURLToPath(new URL('../../assets/', import.meta.url)),
  });
  console.error(`Earmark: data in ${dataDir}`);
  process.stdout.write(`Earmark ready at ${host.url}\n`);
  const launcher = args.open && !process.env.CI ? openInBrowser(host.url) : undefined;
  // The launch file holds the token: gone at exit, however the process ends (stop() exits too).
  process.on('exit', () => launcher?.remove());

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    host.close().then(
      () => {
        console.error('Earmark stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') console.error('Earmark: that port is already in use; pick another with --port.');
  else if (error instanceof DataFolderInUseError) console.error(`Earmark: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
