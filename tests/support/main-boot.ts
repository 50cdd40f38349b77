/**
 * Boots the built Electron main bundle (out/main/main.js) in a plain Node child process with
 * `electron` replaced by a recording fake (tests/support/fake-electron/), as macOS, Windows or
 * Linux. The Electron binary cannot be downloaded on our machines; this is how the desktop half's
 * wiring is still run on every `npm test`. What the fake can't tell (what the OS does with a tray,
 * a menu or a link) is left to the `_electron` specs in tests/e2e/electron.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const mainBundle = path.join(repoRoot, 'out/main/main.js');
const bootScript = path.join(repoRoot, 'tests/support/fake-electron/boot.mjs');

export interface BootOptions {
  platform: 'darwin' | 'win32' | 'linux';
  /** userData: the app's data folder. */
  dataDir: string;
  /** Pass dataDir as EARMARK_DATA_DIR, as tests and power users do (default true). */
  dataDirFromEnv?: boolean;
  packaged?: boolean;
  feedUrl?: string;
  /** Arguments after the app folder, e.g. an earmark:// link. */
  argv?: string[];
  /** Another instance holds the single-instance lock. */
  secondInstance?: boolean;
  env?: Record<string, string | undefined>;
}

export interface Call {
  api: string;
  args: unknown[];
  beforeReady: boolean;
}

/** Fails with the fix in words when the bundle is missing or older than the sources it is built from. */
export function assertFreshBundle(): void {
  if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run npm run build first.`);
  const built = statSync(mainBundle).mtimeMs;
  const stale = ['electron', 'shared']
    .flatMap((dir) => sourcesIn(path.join(repoRoot, dir)))
    .find((file) => statSync(file).mtimeMs > built);
  if (stale) throw new Error(`${mainBundle} is older than ${path.relative(repoRoot, stale)}: run npm run build first.`);
}

function sourcesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesIn(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export class BootedMain {
  /** Resolves with the exit code the app asked for (app.quit → 0, app.exit(n) → n). */
  readonly exited: Promise<number>;
  /** Resolves when the entry module has been evaluated (rejects if it threw). */
  readonly loaded: Promise<void>;
  output = '';
  /** Every call the app made, as reported at its exit. */
  finalCalls: Call[] = [];
  /** Every message sent to a window, as reported at its exit: [channel, ...args]. */
  finalSent: { channel: string; args: unknown[] }[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    let exit: (code: number) => void = () => {};
    this.exited = new Promise((resolve) => (exit = resolve));
    let loaded: () => void = () => {};
    let failed: (error: Error) => void = () => {};
    this.loaded = new Promise((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    type Message = {
      type: string;
      id?: number;
      value?: unknown;
      error?: string;
      code?: number;
      calls?: Call[];
      sent?: { channel: string; args: unknown[] }[];
    };
    child.on('message', (message: Message) => {
      if (message.type === 'loaded') loaded();
      if (message.type === 'load-failed') failed(new Error(message.error));
      if (message.type === 'exit') {
        this.finalCalls = message.calls ?? [];
        this.finalSent = message.sent ?? [];
        exit(message.code ?? 0);
      }
      if (message.type !== 'reply' || message.id === undefined) return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.value);
    });
    child.on('exit', (code) => {
      failed(new Error(`the main process ended while loading (code ${code}):\n${this.output}`));
      for (const waiting of this.pending.values()) waiting.reject(new Error(`the main process ended:\n${this.output}`));
      this.pending.clear();
    });
  }

  static async start(options: BootOptions): Promise<BootedMain> {
    assertFreshBundle();
    const env: Record<string, string | undefined> = {
      ...process.env,
      // Not a CI run and no test data folder unless asked: main decides some things by them.
      CI: undefined,
      EARMARK_DATA_DIR: options.dataDirFromEnv === false ? undefined : options.dataDir,
      EARMARK_FEED: options.feedUrl,
      FAKE_ELECTRON_PLATFORM: options.platform,
      FAKE_ELECTRON_PACKAGED: options.packaged ? '1' : '0',
      FAKE_ELECTRON_USER_DATA: options.dataDir,
      FAKE_ELECTRON_APP_PATH: repoRoot,
      FAKE_ELECTRON_MAIN: mainBundle,
      FAKE_ELECTRON_ARGV: JSON.stringify(options.argv ?? []),
      FAKE_ELECTRON_SECOND_INSTANCE: options.secondInstance ? '1' : '0',
      ...options.env,
    };
    const child = fork(bootScript, [], {
      env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: [],
    });
    const booted = new BootedMain(child);
    await booted.loaded;
    return booted;
  }

  call<T>(op: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, op, args });
    });
  }

  calls(): Promise<Call[]> {
    return this.call<Call[]>('calls');
  }

  /** A contract method over the fake IPC, from a frame at frameUrl (default: the app's own page). */
  invoke<T>(method: string, input: unknown, frameUrl: string | null = 'app://earmark/index.html'): Promise<T> {
    return this.call<T>('ipc', `earmark:${method}`, input, frameUrl);
  }

  /** A contract method's value, failing on an error envelope. */
  async value<T>(method: string, input: unknown = {}): Promise<T> {
    const envelope = await this.invoke<{ ok: boolean; value?: T; error?: unknown }>(method, input);
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value as T;
  }

  /** Events main sent to windows on the contract's event channel, as [name, payload]. */
  async events(): Promise<[string, unknown][]> {
    const sent = await this.call<{ channel: string; args: unknown[] }[]>('sent');
    return sent
      .filter((message) => message.channel === 'earmark:event')
      .map(({ args }) => [args[0] as string, args[1]]);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
