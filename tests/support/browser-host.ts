/**
 * Runs the built browser host (`node out/main/serve.js`) as a child process, the way a user would:
 * waits for its one "Earmark ready at <url>" line, and stops it with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const READY = /^Earmark ready at (\S+)$/;

export interface BrowserHost {
  /** The URL from the ready line (it carries the access token). */
  url: string;
  dataDir: string;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then waits for the exit (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean }>;
}

export async function startBrowserHost(options: {
  dataDir: string;
  feedUrl?: string;
  /** Where "Find podcasts" searches (--directory-url): a fixture directory, so no test reaches Apple. */
  directoryUrl?: string;
  timeoutMs?: number;
}): Promise<BrowserHost> {
  const args = ['out/main/serve.js', '--port', '0', '--data-dir', options.dataDir, '--no-open'];
  if (options.feedUrl) args.push('--feed', options.feedUrl);
  if (options.directoryUrl) args.push('--directory-url', options.directoryUrl);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const timeoutMs = options.timeoutMs ?? 15_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser host printed no ready line in ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    const onData = () => {
      const line = stdout.split('\n').find((candidate) => READY.test(candidate));
      if (!line) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(READY.exec(line)?.[1] ?? '');
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited (code ${code}, signal ${signal}) before it was ready.\nstderr: ${stderr}`));
    });
  });

  return {
    url,
    dataDir: options.dataDir,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop(stopTimeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return { ...(await exited), timedOut: false };
      child.kill('SIGTERM');
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, stopTimeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return { ...result, timedOut };
    },
  };
}
