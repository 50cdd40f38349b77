import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { DownloadManager, type DownloadManagerOptions } from '../../../electron/core/downloads/download-manager.js';
import {
  downloadsDefaults,
  downloadsStoreName,
  type DownloadsData,
} from '../../../electron/core/downloads/download-store.js';
import { openStore, type OpenStoreOptions } from '../../../electron/core/store.js';
import { FeedServer } from '../feeds/feed-server.js';
import type { Download, DownloadProgress, DownloadState } from '../../../shared/types.js';

/** A DownloadManager on a temp data dir with test-sized timings, and a log of what it announced. */
export class Harness {
  readonly changes: Download[] = [];
  readonly progress: DownloadProgress[] = [];
  /** What the listener was told: openStore's repair messages and the managers' notices. */
  readonly notices: string[] = [];
  readonly managers: DownloadManager[] = [];
  private readonly waiters = new Set<() => void>();

  /** The downloads store's shape for openStore (the app passes downloadsShape); none by default. */
  storeShape: OpenStoreOptions<DownloadsData>['shape'];

  constructor(readonly dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-dl-'))) {}

  /** A manager (resumed) on this data dir; later ones simulate an app restart. */
  async manager(options: Partial<DownloadManagerOptions> = {}): Promise<DownloadManager> {
    const { store, repairMessage } = openStore(confStoreFactory, {
      name: downloadsStoreName,
      cwd: this.dataDir,
      defaults: downloadsDefaults,
      ...(this.storeShape ? { shape: this.storeShape } : {}),
    });
    if (repairMessage) this.notices.push(repairMessage);
    const manager = new DownloadManager({
      dataDir: this.dataDir,
      store,
      freeSpace: async () => 100 * 1024 ** 3,
      retryBaseMs: 20,
      stallTimeoutMs: 2000,
      progressIntervalMs: 50,
      ...options,
      onChange: (download) => {
        this.changes.push(download);
        for (const wake of this.waiters) wake();
        options.onChange?.(download);
      },
      onProgress: (progress) => {
        this.progress.push(progress);
        for (const wake of this.waiters) wake();
        options.onProgress?.(progress);
      },
      onNotice: (text) => {
        this.notices.push(text);
        options.onNotice?.(text);
      },
    });
    this.managers.push(manager);
    await manager.resume();
    return manager;
  }

  /** Resolves with the download once it reaches one of `states` (as announced), or rejects after `ms`. */
  until(manager: DownloadManager, id: string, states: DownloadState[], ms = 10_000): Promise<Download> {
    return this.waitFor(() => {
      const download = manager.get(id);
      return download && states.includes(download.state) ? download : undefined;
    }, ms);
  }

  /** Resolves once `check` returns something, re-checked at every event. */
  waitFor<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error('timed out waiting'));
      }, ms);
      this.waiters.add(wake);
      wake();
    });
  }

  async dispose(): Promise<void> {
    for (const manager of this.managers) await manager.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function episode(id: string, url: string, extra: { length?: number; type?: string; feedId?: string } = {}) {
  return {
    id,
    feedId: extra.feedId ?? 'feed-1',
    enclosure: { url, length: extra.length, type: extra.type ?? 'audio/mpeg' },
  };
}

/**
 * Per test: a fresh FeedServer on 127.0.0.1 (with the routes `routes` sets) and a fresh Harness,
 * both handed to `use` and torn down after the test.
 */
export function eachTestServerAndHarness(
  use: (server: FeedServer, h: Harness) => void,
  routes: (server: FeedServer) => void = () => {},
): void {
  let server: FeedServer;
  let h: Harness;
  beforeEach(async () => {
    server = new FeedServer();
    await server.start();
    routes(server);
    h = new Harness();
    use(server, h);
  });
  afterEach(async () => {
    await h.dispose();
    await server.stop();
  });
}
