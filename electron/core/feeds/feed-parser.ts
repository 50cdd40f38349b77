import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { parserCustomFields } from './parser-fields.js';
import { parserWorkerSource } from './parser-worker-source.js';
import type { RawFeed } from './raw-feed.js';

/** Why parsing failed: the text is not XML, or it is XML but not a feed. */
export class FeedParseError extends Error {
  constructor(
    readonly kind: 'not-xml' | 'not-feed',
    message: string,
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}

type Reply =
  { id: number; ok: true; feed: RawFeed } | { id: number; ok: false; kind: 'not-xml' | 'not-feed'; message: string };

interface Pending {
  resolve: (feed: RawFeed) => void;
  reject: (error: Error) => void;
}

/**
 * rss-parser's parseString is synchronous (a 16 MB feed blocks for ~0.7 s), so it runs in one
 * worker thread, created on first use and kept for the next sync. Message ids let several syncs
 * parse at once. The worker is unref'd while idle so it never keeps the process alive.
 */
export class FeedParser {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  parse(xml: string): Promise<RawFeed> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<RawFeed>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, xml });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
    this.failAll(new Error('The feed parser was closed.'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const parserPath = createRequire(import.meta.url).resolve('rss-parser');
    const worker = new Worker(parserWorkerSource, {
      eval: true,
      workerData: { parserPath, customFields: parserCustomFields },
    });
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error: unknown) =>
      this.crashed(worker, error instanceof Error ? error : new Error(`The feed parser failed: ${String(error)}`)),
    );
    worker.on('exit', (code) => this.crashed(worker, new Error(`The feed parser stopped (exit code ${code}).`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) pending.resolve(reply.feed);
    else pending.reject(new FeedParseError(reply.kind, reply.message));
  }

  /** A dead worker fails what it was doing; the next parse starts a fresh one. */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
